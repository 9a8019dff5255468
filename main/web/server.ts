/**
 * The Node host: a plain node:http server on 127.0.0.1 that serves the built renderer and
 * answers the same API as Electron IPC (POST /api/<method>, JSON in and out) through
 * main/api.ts. It is reachable only from this machine, and defends against DNS rebinding
 * (one Host header, 127.0.0.1:port or localhost:port), cross-site requests (JSON content type,
 * same-origin Origin), other local processes (a per-session secret that only the served page
 * holds, main/web/session.ts) and slow clients (main/web/limits.ts). Every JSON body is the contract's reply envelope, the same as over IPC,
 * with a status code that says the same: 200 with `{ ok: true, value }`, 4xx/5xx with
 * `{ ok: false, error }`.
 */
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../../common/contract';
import { SESSION_HEADER } from '../../common/hostSession';
import { MAX_RESTORED_TEXT_BYTES } from '../../common/projectApi';
import { ApiError, callApi, createApiHandlers } from '../api';
import type { ApiHandlers } from '../api';
import type { CorpusLoad } from '../corpus/corpusLoad';
import type { LoadedCorpus } from '../corpus/loadCorpus';
import type { OpenedFiles } from '../openedFiles';
import type { Projects } from '../project/projects';
import { SECURITY_HEADERS } from '../security/headers';
import { DEFAULT_TIMEOUTS, readBody, serverOptionsFor } from './limits';
import type { RequestTimeouts } from './limits';
import { createSessionSecret, injectSessionMeta, isSessionSecret } from './session';
import { lookUpStaticFile } from './staticFiles';
import { errorMessage } from '../../common/errorMessage';

export const DEFAULT_PORT = 5180;
export const LOOPBACK = '127.0.0.1';
/** API requests are small (ids, options); exports never travel over HTTP. */
export const MAX_API_BODY_BYTES = 1024 * 1024;
/**
 * Except the changes the page appends to the project's journal: one change is one undo step, and an
 * import of many documents (each up to 50 MB) is one change. A JavaScript string holds at most
 * 512 MiB, so nothing larger could be sent anyway.
 */
export const MAX_JOURNAL_BODY_BYTES = 512 * 1024 * 1024;
/**
 * And a window's copy of a document text the project folder lost (restoreDocumentText): up to a
 * document's 50 MB of UTF-8, a byte taking at most six in JSON (a control character as \u0001).
 */
export const MAX_RESTORE_BODY_BYTES = 6 * MAX_RESTORED_TEXT_BYTES + 64 * 1024;
const largerBodyLimit = (method: string) => (method === 'appendJournal' ? MAX_JOURNAL_BODY_BYTES : method === 'restoreDocumentText' ? MAX_RESTORE_BODY_BYTES : 0);

export interface WebServerOptions {
  rendererDir: string;
  handlers: ApiHandlers;
  /** 0 picks a free port (tests). */
  port?: number;
  maxBodyBytes?: number;
  /** Shorter in tests; DEFAULT_TIMEOUTS otherwise. */
  timeouts?: Partial<RequestTimeouts>;
}

export interface RunningWebServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/**
 * In a browser the renderer downloads exports and picks import files itself. Files named with
 * `--open` wait for the page like a double-clicked file in the desktop app.
 */
export function createWebHandlers(corpus: LoadedCorpus | CorpusLoad, openedFiles?: OpenedFiles, projects?: Projects): ApiHandlers {
  const browserOnly = (method: string) => () => {
    throw new ApiError(404, `${method} is handled by the browser in the Node host`);
  };
  return createApiHandlers({ corpus, saveExport: browserOnly('saveExport'), openImport: browserOnly('openImport'), openDocuments: browserOnly('openDocuments'), openedFiles, projects });
}

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_API_BODY_BYTES;
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const sessionSecret = createSessionSecret();
  let port = 0;
  const server = createServer(serverOptionsFor(timeouts), (req, res) => {
    handleRequest(req, res, { ...options, maxBodyBytes, bodyMs: timeouts.bodyMs, sessionSecret, port }).catch((error: unknown) => {
      if (!res.headersSent) sendFailure(res, 500, `internal error: ${errorMessage(error)}`);
      else res.destroy();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, LOOPBACK, () => {
      server.off('error', reject);
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        port,
        url: `http://${LOOPBACK}:${port}/`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error ? fail(error) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}

interface RequestContext {
  rendererDir: string;
  handlers: ApiHandlers;
  maxBodyBytes: number;
  bodyMs: number;
  sessionSecret: string;
  port: number;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  // Node keeps only the first of two Host headers; a proxy in front might use the other one.
  if (countHeader(req.rawHeaders, 'host') > 1) return sendFailure(res, 400, 'a request has exactly one Host header');
  const allowedHosts = [`${LOOPBACK}:${ctx.port}`, `localhost:${ctx.port}`];
  if (!allowedHosts.includes((req.headers.host ?? '').toLowerCase())) {
    return sendFailure(res, 403, 'unexpected Host header: open the address Marginalia printed');
  }
  let pathname: string;
  try {
    pathname = new URL(req.url ?? '/', `http://${LOOPBACK}`).pathname;
  } catch {
    return sendFailure(res, 400, 'malformed request URL');
  }
  if (pathname === '/api/health') {
    if (req.method !== 'GET') return sendMethodNotAllowed(res, 'GET');
    return sendReply(res, 200, { ok: true, value: null });
  }
  if (pathname.startsWith('/api/')) return handleApi(req, res, ctx, pathname.slice('/api/'.length));
  return serveStatic(req, res, ctx, pathname);
}

function countHeader(rawHeaders: readonly string[], name: string): number {
  let count = 0;
  for (let i = 0; i < rawHeaders.length; i += 2) if (rawHeaders[i]?.toLowerCase() === name) count++;
  return count;
}

async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, method: string): Promise<void> {
  if (!isSessionSecret(req.headers[SESSION_HEADER.toLowerCase()], ctx.sessionSecret)) {
    return sendFailure(res, 403, 'this page is from an earlier run of Marginalia (or not from Marginalia): reload it');
  }
  if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${LOOPBACK}:${ctx.port}` && origin !== `http://localhost:${ctx.port}`) {
    return sendFailure(res, 403, 'cross-origin API requests are refused');
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return sendFailure(res, 415, 'API requests must have Content-Type: application/json');
  }
  const maxBodyBytes = Math.max(ctx.maxBodyBytes, largerBodyLimit(decodeMethodName(method)));
  const body = await readBody(req, maxBodyBytes, ctx.bodyMs);
  if (body.kind !== 'read') {
    res.setHeader('Connection', 'close');
    if (body.kind === 'tooLarge') return sendFailure(res, 413, `request body exceeds ${maxBodyBytes} bytes`);
    return sendFailure(res, 408, `request body not received within ${ctx.bodyMs / 1000} s`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body.text);
  } catch {
    return sendFailure(res, 400, 'request body is not valid JSON');
  }
  const { status, reply } = await callApi(ctx.handlers, decodeMethodName(method), payload);
  return sendReply(res, status, reply);
}

function decodeMethodName(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res, 'GET, HEAD');
  const found = await lookUpStaticFile(ctx.rendererDir, pathname);
  if (found.kind === 'forbidden') return sendFailure(res, 403, 'path refused');
  if (found.kind === 'notFound') return sendFailure(res, 404, 'not found');
  if (found.mimeType.startsWith('text/html')) return sendPage(req, res, found.path, ctx.sessionSecret);
  res.writeHead(200, {
    'Content-Type': found.mimeType,
    'Content-Length': String(found.size),
    // Vite fingerprints assets.
    'Cache-Control': 'public, max-age=3600',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(found.path);
    stream.on('error', () => res.destroy());
    res.on('close', () => {
      stream.destroy();
      done();
    });
    stream.pipe(res);
  });
}

/** A page carries this run's session secret: never cached, so a restart hands out the new one. */
async function sendPage(req: IncomingMessage, res: ServerResponse, path: string, sessionSecret: string): Promise<void> {
  const page = Buffer.from(injectSessionMeta(await readFile(path, 'utf8'), sessionSecret), 'utf8');
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(page.length), 'Cache-Control': 'no-store' });
  res.end(req.method === 'HEAD' ? undefined : page);
}

function sendMethodNotAllowed(res: ServerResponse, allow: string): void {
  res.setHeader('Allow', allow);
  sendFailure(res, 405, `method not allowed; use ${allow}`);
}

function sendFailure(res: ServerResponse, status: number, error: string): void {
  sendReply(res, status, { ok: false, error });
}

function sendReply(res: ServerResponse, status: number, reply: Reply): void {
  const text = JSON.stringify(reply);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}
