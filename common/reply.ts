/**
 * Opens the reply envelope (ReplySchema in ./contract) for preload and the HTTP transport alike.
 * Checked by hand, with type-only imports: the sandboxed preload bundles this file and can load
 * nothing but electron at run time, so zod must stay out (see preload/index.test.ts).
 */
import type { Reply } from './contract';

/** The host did not answer at all: it was stopped, or the connection dropped. */
export class HostUnreachable extends Error {
  override name = 'HostUnreachable';
}

/** The host answered in a shape this window does not understand: another version of Marginalia, or not Marginalia at all. */
export class UnexpectedReply extends Error {
  override name = 'UnexpectedReply';
}

/** The value of a successful reply; throws an Error with the host's message otherwise. */
export function unwrapReply(method: string, reply: unknown): unknown {
  if (!isReply(reply)) throw new UnexpectedReply(`${method}: unexpected reply from the host`);
  if (reply.ok) return reply.value;
  throw new Error(reply.error);
}

function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null) return false;
  const { ok, error } = value as { ok?: unknown; error?: unknown };
  return ok === true || (ok === false && typeof error === 'string');
}
