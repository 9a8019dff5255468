/**
 * What an IPC call resolves to. Errors travel as data rather than as rejections because
 * Electron rewrites rejected messages ("Error invoking remote method …"); preload unwraps
 * this and rejects with the plain message, the same text the Node host sends as `{ error }`.
 */
import type { ApiOutcome } from './api';

export type IpcEnvelope = { ok: true; value: unknown } | { ok: false; error: string };

export function toEnvelope(outcome: ApiOutcome): IpcEnvelope {
  return outcome.ok ? { ok: true, value: outcome.value } : { ok: false, error: outcome.error };
}
