import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusDocumentSchema, CorpusListingSchema, ReplySchema } from '../../common/contract';
import { SESSION_HEADER } from '../../common/hostSession';
import { unwrapReply } from '../../common/reply';
import { loadCorpus } from '../corpus/loadCorpus';
import { CONTENT_SECURITY_POLICY } from '../security/headers';
import { parsePort } from './cli';
import { createWebHandlers, startWebServer } from './server';
import type { RunningWebServer } from './server';

let server: RunningWebServer;
let dir: string;
/** The secret the served page carries, read from it as the renderer does. */
let secret: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-web-'));
  const renderer = join(dir, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Marginalia</title></head><body></body></html>');
  await writeFile(join(renderer, 'assets', 'app-1234.js'), 'console.log("app")');
  await writeFile(join(renderer, 'assets', 'app.css'), 'body{}');
  await writeFile(join(renderer, '.env'), 'SECRET=1');
  await writeFile(join(dir, 'secret.txt'), 'TOP SECRET');
  await symlink(join(dir, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  const corpus = await loadCorpus(resolve(__dirname, '../../resources/corpus'));
  server = await startWebServer({ rendererDir: renderer, handlers: createWebHandlers(corpus), port: 0, maxBodyBytes: 4096 });
  secret = sessionSecretOf((await send('GET', '/')).body);
});

function sessionSecretOf(page: string): string {
  const found = /<meta name="marginalia-session" content="([^"]+)" \/>/.exec(page);
  if (!found?.[1]) throw new Error(`no session meta in ${page}`);
  return found[1];
}

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(method: string, path: string, options: { headers?: Record<string, string>; body?: string; port?: number } = {}): Promise<Reply> {
  const port = options.port ?? server.port;
  return new Promise((done, fail) => {
    const req = httpRequest(
      { host: '127.0.0.1', port, method, path, headers: { Host: `127.0.0.1:${port}`, ...options.headers } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', fail);
    req.end(options.body);
  });
}

/** An API call as the served page makes it: JSON, with the session secret. */
const post = (method: string, payload: unknown, headers: Record<string, string> = {}) =>
  send('POST', `/api/${method}`, { headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: secret, ...headers }, body: JSON.stringify(payload) });
const withSecret = (headers: Record<string, string> = {}) => ({ [SESSION_HEADER]: secret, ...headers });

describe('the Node host API', () => {
  it('answers health and listens on loopback', async () => {
    const reply = await send('GET', '/api/health');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: null });
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it('lists the documents and serves one', async () => {
    const list = await post('listDocuments', {});
    expect(list.status).toBe(200);
    expect(list.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(CorpusListingSchema.parse(unwrapReply('listDocuments', JSON.parse(list.body))).documents).toHaveLength(5);
    const doc = await post('getDocument', { id: 'coalition-paris-roadmap' });
    expect(doc.status).toBe(200);
    expect(CorpusDocumentSchema.parse(unwrapReply('getDocument', JSON.parse(doc.body))).sha256).toBe('ab8393260d0614c27bfc8cfdbc5a1f57805d4080258043988443dc46ccc0b4ec');
  });

  it('gives 404 for an unknown document or method, 400 for a malformed id or payload', async () => {
    const unknown = await post('getDocument', { id: 'missing-doc' });
    expect([unknown.status, JSON.parse(unknown.body)]).toEqual([404, { ok: false, error: 'no document with id "missing-doc" in the corpus' }]);
    expect((await post('dropTables', {})).status).toBe(404);
    const badId = await post('getDocument', { id: '../../etc/passwd' });
    expect(badId.status).toBe(400);
    expect(JSON.parse(badId.body).error).toMatch(/^invalid getDocument request: id:/);
    expect((await post('listDocuments', { admin: true })).status).toBe(400);
    const notJson = await send('POST', '/api/listDocuments', { headers: withSecret({ 'Content-Type': 'application/json' }), body: '{nope' });
    expect([notJson.status, JSON.parse(notJson.body)]).toEqual([400, { ok: false, error: 'request body is not valid JSON' }]);
  });

  it('leaves saveExport and openImport to the browser', async () => {
    const reply = await post('saveExport', { suggestedName: 'a.csv', mimeType: 'text/csv', content: 'x' });
    expect([reply.status, JSON.parse(reply.body)]).toEqual([404, { ok: false, error: 'saveExport is handled by the browser in the Node host' }]);
    expect((await post('openImport', { title: 'Import', extensions: ['json'] })).status).toBe(404);
  });

  it('requires JSON, POST, a same-origin Origin and a bounded body', async () => {
    const plain = await send('POST', '/api/listDocuments', { headers: withSecret({ 'Content-Type': 'text/plain' }), body: '{}' });
    expect(plain.status).toBe(415);
    expect((await send('GET', '/api/listDocuments', { headers: withSecret() })).status).toBe(405);
    expect((await post('listDocuments', {}, { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('listDocuments', {}, { Origin: `http://localhost:${server.port}` })).status).toBe(200);
    expect((await post('getDocument', { id: 'x'.repeat(5000) })).status).toBe(413);
    // Only the journal's changes and a document text sent back may be large (one import is one change); this host keeps no project file.
    const large = await post('appendJournal', { projectId: 'project-1', client: 'client-1', changes: [{ n: 1, kind: 'settings', settings: { note: 'x'.repeat(5000) } }] });
    expect([large.status, JSON.parse(large.body).error]).toEqual([404, 'this Marginalia keeps no project files (started with --no-project-file)']);
    const text = await post('restoreDocumentText', { projectId: 'project-1', sha256: 'a'.repeat(64), text: 'x'.repeat(5000) });
    expect([text.status, JSON.parse(text.body).error]).toEqual([404, 'this Marginalia keeps no project files (started with --no-project-file)']);
  });

  it('refuses a wrong Host header (DNS rebinding) and accepts localhost', async () => {
    const evil = await send('GET', '/api/health', { headers: { Host: `evil.example:${server.port}` } });
    expect(evil.status).toBe(403);
    expect((await send('GET', '/', { headers: { Host: `127.0.0.1:1` } })).status).toBe(403);
    expect((await send('GET', '/api/health', { headers: { Host: `localhost:${server.port}` } })).status).toBe(200);
  });
});

describe('the session secret', () => {
  it('is in the served page, once, and differs from run to run', async () => {
    const page = (await send('GET', '/')).body;
    expect(page.match(/marginalia-session/g)).toHaveLength(1);
    expect(sessionSecretOf(page)).toBe(secret);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const other = await startWebServer({ rendererDir: join(dir, 'renderer'), handlers: createWebHandlers(await loadCorpus(resolve(__dirname, '../../resources/corpus'))), port: 0 });
    try {
      const otherSecret = sessionSecretOf((await send('GET', '/', { port: other.port })).body);
      expect(otherSecret).not.toBe(secret);
      // A page from an earlier (or another) run holds a secret this host does not accept.
      const stale = await send('POST', '/api/listDocuments', { port: other.port, headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: secret }, body: '{}' });
      expect(stale.status).toBe(403);
    } finally {
      await other.close();
    }
  });

  it('is required on every API call: missing or wrong is 403 with the envelope, before anything else is read', async () => {
    const refused = { ok: false, error: 'this page is from an earlier run of Marginalia (or not from Marginalia): reload it' };
    const wrong: Array<Record<string, string>> = [{}, { [SESSION_HEADER]: '' }, { [SESSION_HEADER]: 'wrong' }, { [SESSION_HEADER]: secret.slice(1) }, { [SESSION_HEADER]: `${secret}x` }];
    for (const headers of wrong) {
      for (const method of ['listDocuments', 'getDocument', 'getUserInfo', 'saveExport', 'noSuchMethod']) {
        const reply = await send('POST', `/api/${method}`, { headers: { 'Content-Type': 'application/json', ...headers }, body: '{}' });
        expect([reply.status, JSON.parse(reply.body)], `${method} ${JSON.stringify(headers)}`).toEqual([403, refused]);
      }
    }
    expect((await send('GET', '/api/listDocuments')).status).toBe(403);
    expect((await post('getUserInfo', {})).status).toBe(200);
  });

  it('is not needed for the health check, which tells nothing', async () => {
    const reply = await send('GET', '/api/health');
    expect([reply.status, JSON.parse(reply.body)]).toEqual([200, { ok: true, value: null }]);
  });
});

describe('the Host header', () => {
  /** A request written by hand: node:http would not send two Host headers. */
  function rawRequest(lines: string[]): Promise<{ status: number; body: string }> {
    return new Promise((done, fail) => {
      const socket = connect(server.port, '127.0.0.1');
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      socket.on('error', fail);
      socket.on('close', () => done({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), body: text.slice(text.indexOf('\r\n\r\n') + 4) }));
      socket.end([...lines, 'Connection: close', '', ''].join('\r\n'));
    });
  }

  it('must appear once: a second Host header is a 400, whichever values they carry', async () => {
    const host = `127.0.0.1:${server.port}`;
    const twice = await rawRequest(['GET /api/health HTTP/1.1', `Host: ${host}`, `Host: ${host}`]);
    expect([twice.status, JSON.parse(twice.body)]).toEqual([400, { ok: false, error: 'a request has exactly one Host header' }]);
    expect((await rawRequest(['GET / HTTP/1.1', `Host: ${host}`, 'host: evil.example'])).status).toBe(400);
    expect((await rawRequest(['GET / HTTP/1.1', 'HOST: evil.example', `Host: ${host}`])).status).toBe(400);
    expect((await rawRequest(['GET /api/health HTTP/1.1', `Host: ${host}`])).status).toBe(200);
  });
});

describe('the reply envelope', () => {
  it('is every JSON body, with a status that agrees with ok', async () => {
    const replies = [
      await post('getUserInfo', {}),
      await send('GET', '/api/health'),
      await post('getDocument', { id: 'missing-doc' }),
      await post('listDocuments', { admin: true }),
      await send('GET', '/api/listDocuments', { headers: withSecret() }),
      await send('POST', '/api/listDocuments', { headers: withSecret({ 'Content-Type': 'text/plain' }), body: '{}' }),
      await post('listDocuments', {}, { [SESSION_HEADER]: 'wrong' }),
      await post('listDocuments', {}, { Origin: 'http://evil.example' }),
      await post('getDocument', { id: 'x'.repeat(5000) }),
      await send('GET', '/api/health', { headers: { Host: 'evil.example' } }),
      await send('GET', '/nope.js'),
    ];
    for (const reply of replies) {
      const body = ReplySchema.parse(JSON.parse(reply.body));
      expect(body.ok, reply.body).toBe(reply.status === 200);
    }
  });
});

describe('static files and headers', () => {
  it('serves index.html for / and assets with their MIME types', async () => {
    const index = await send('GET', '/');
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['cache-control']).toBe('no-store');
    expect(index.body).toContain('<title>Marginalia</title>');
    expect(Number(index.headers['content-length'])).toBe(Buffer.byteLength(index.body));
    const js = await send('GET', '/assets/app-1234.js');
    expect([js.status, js.headers['content-type']]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await send('GET', '/assets/app.css')).headers['content-type']).toBe('text/css; charset=utf-8');
    const head = await send('HEAD', '/index.html');
    expect([head.status, head.body, head.headers['content-length']]).toEqual([200, '', index.headers['content-length']]);
  });

  it('answers 404 for missing files, folders and dotfiles', async () => {
    expect((await send('GET', '/nope.js')).status).toBe(404);
    expect((await send('GET', '/assets')).status).toBe(404);
    expect((await send('GET', '/.env')).status).toBe(404);
  });

  it('refuses path traversal in every spelling', async () => {
    for (const path of ['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/..%5c..%5csecret.txt', '/assets/link.txt', '/%00', '/%E0%A4%A']) {
      const reply = await send('GET', path);
      expect([403, 404], path).toContain(reply.status);
      expect(reply.body).not.toContain('TOP SECRET');
    }
    expect((await send('GET', '/..%2fsecret.txt')).status).toBe(403);
  });

  it('sends the security headers on every response, errors included', async () => {
    for (const reply of [await send('GET', '/'), await send('GET', '/nope'), await post('nope', {}), await send('GET', '/', { headers: { Host: 'evil' } })]) {
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(reply.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });
});

describe('parsePort', () => {
  it('defaults to 5180, accepts 0 and rejects junk', () => {
    expect(parsePort([])).toBe(5180);
    expect(parsePort(['--port', '0'])).toBe(0);
    expect(parsePort(['--port=5183'])).toBe(5183);
    expect(() => parsePort(['--port', 'abc'])).toThrow(/--port must be a number/);
    expect(() => parsePort(['--port', '70000'])).toThrow(/--port/);
  });
});
