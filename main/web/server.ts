/**
 * The Node host: a plain node:http server on 127.0.0.1 that serves the built renderer and
 * answers the same API as Electron IPC (POST /api/<method>, JSON in and out) through
 * main/api.ts. It is reachable only from this machine, and defends against DNS rebinding
 * (Host must be 127.0.0.1:port or localhost:port) and cross-site requests (JSON content type,
 * same-origin Origin). Every JSON body is the contract's reply envelope, the same as over IPC,
 * with a status code that says the same: 200 with `{ ok: true, value }`, 4xx/5xx with
 * `{ ok: false, error }`.
 */
import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Reply } from '../../common/contract';
import { ApiError, callApi, createApiHandlers } from '../api';
import type { ApiHandlers } from '../api';
import type { LoadedCorpus } from '../corpus/loadCorpus';
import { SECURITY_HEADERS } from '../security/headers';
import { lookUpStaticFile } from './staticFiles';

export const DEFAULT_PORT = 5180;
export const LOOPBACK = '127.0.0.1';
/** API requests are small (ids, options); exports never travel over HTTP. */
export const MAX_API_BODY_BYTES = 1024 * 1024;

export interface WebServerOptions {
  rendererDir: string;
  handlers: ApiHandlers;
  /** 0 picks a free port (tests). */
  port?: number;
  maxBodyBytes?: number;
}

export interface RunningWebServer {
  port: number;
  url: string;
  close(): Promise<void>;
}

/** In a browser the renderer downloads exports and picks import files itself. */
export function createWebHandlers(corpus: LoadedCorpus): ApiHandlers {
  const browserOnly = (method: string) => () => {
    throw new ApiError(404, `${method} is handled by the browser in the Node host`);
  };
  return createApiHandlers({ corpus, saveExport: browserOnly('saveExport'), openImport: browserOnly('openImport') });
}

export function startWebServer(options: WebServerOptions): Promise<RunningWebServer> {
  const maxBodyBytes = options.maxBodyBytes ?? MAX_API_BODY_BYTES;
  let port = 0;
  const server = createServer((req, res) => {
    handleRequest(req, res, { ...options, maxBodyBytes, port }).catch((error: unknown) => {
      if (!res.headersSent) sendFailure(res, 500, `internal error: ${error instanceof Error ? error.message : String(error)}`);
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
  port: number;
}

async function handleRequest(req: IncomingMessage, res: ServerResponse, ctx: RequestContext): Promise<void> {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
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
  return serveStatic(req, res, ctx.rendererDir, pathname);
}

async function handleApi(req: IncomingMessage, res: ServerResponse, ctx: RequestContext, method: string): Promise<void> {
  if (req.method !== 'POST') return sendMethodNotAllowed(res, 'POST');
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${LOOPBACK}:${ctx.port}` && origin !== `http://localhost:${ctx.port}`) {
    return sendFailure(res, 403, 'cross-origin API requests are refused');
  }
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') {
    return sendFailure(res, 415, 'API requests must have Content-Type: application/json');
  }
  const body = await readBody(req, ctx.maxBodyBytes);
  if (body === null) {
    res.setHeader('Connection', 'close');
    return sendFailure(res, 413, `request body exceeds ${ctx.maxBodyBytes} bytes`);
  }
  let payload: unknown;
  try {
    payload = JSON.parse(body);
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

/** The body as text, or null once it exceeds the limit (then the rest is not buffered). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) {
    req.resume();
    return Promise.resolve(null);
  }
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      total += chunk.length;
      if (total > limit) tooLarge = true;
      else if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(tooLarge ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, rendererDir: string, pathname: string): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendMethodNotAllowed(res, 'GET, HEAD');
  const found = await lookUpStaticFile(rendererDir, pathname);
  if (found.kind === 'forbidden') return sendFailure(res, 403, 'path refused');
  if (found.kind === 'notFound') return sendFailure(res, 404, 'not found');
  res.writeHead(200, {
    'Content-Type': found.mimeType,
    'Content-Length': String(found.size),
    // Vite fingerprints assets; index.html must always be re-checked to pick up a new build.
    'Cache-Control': found.mimeType.startsWith('text/html') ? 'no-cache' : 'public, max-age=3600',
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
