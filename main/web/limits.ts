/**
 * How long and how much the Node host waits for a request. A client that sends its headers or
 * its body too slowly (a "slow loris") would otherwise hold a connection open for minutes.
 */
import type { IncomingMessage, ServerOptions } from 'node:http';

export interface RequestTimeouts {
  /** From the connection's first byte to the end of the headers. */
  headersMs: number;
  /** Reading an API request's body, from the end of the headers. */
  bodyMs: number;
  /** The whole request; Node's own ceiling behind the two above. */
  requestMs: number;
  /** How often Node looks for connections past headersMs/requestMs. */
  checkIntervalMs: number;
}

export const DEFAULT_TIMEOUTS: RequestTimeouts = { headersMs: 10_000, bodyMs: 10_000, requestMs: 30_000, checkIntervalMs: 1_000 };

export function serverOptionsFor(timeouts: RequestTimeouts): ServerOptions {
  return {
    headersTimeout: timeouts.headersMs,
    // Node requires headersTimeout <= requestTimeout.
    requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
    connectionsCheckingInterval: timeouts.checkIntervalMs,
    keepAliveTimeout: 5_000,
  };
}

export type BodyResult = { kind: 'read'; text: string } | { kind: 'tooLarge' } | { kind: 'tooSlow' };

/** The body as text; past `limit` bytes the rest is drained, not buffered; past `deadlineMs` reading stops. */
export function readBody(req: IncomingMessage, limit: number, deadlineMs: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve({ kind: 'tooLarge' });
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    const timer = setTimeout(() => {
      req.pause();
      finish({ kind: 'tooSlow' });
    }, deadlineMs);
    const finish = (result: BodyResult) => {
      clearTimeout(timer);
      req.removeListener('data', onData);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      total += chunk.length;
      if (total <= limit) chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => finish(total > limit ? { kind: 'tooLarge' } : { kind: 'read', text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
