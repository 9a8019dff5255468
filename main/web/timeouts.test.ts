/**
 * Slow clients on loopback: headers or a body trickled in byte by byte. Each client sends at
 * most a fixed number of pieces and then stops by itself; the host must close the connection
 * long before the client is done.
 */
import { connect } from 'node:net';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../common/hostSession';
import { loadCorpus } from '../corpus/loadCorpus';
import { DEFAULT_TIMEOUTS, serverOptionsFor } from './limits';
import { createWebHandlers, startWebServer } from './server';
import type { RunningWebServer } from './server';

let server: RunningWebServer;
let dir: string;
let secret: string;
/** Short limits so the test is quick; the defaults are checked below. */
const TIMEOUTS = { headersMs: 400, bodyMs: 400, requestMs: 4000, checkIntervalMs: 50 };
const PIECES = 60;
const PAUSE_MS = 100;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-slow-'));
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><html><head><title>Marginalia</title></head></html>');
  const corpus = await loadCorpus(resolve(__dirname, '../../resources/corpus'));
  server = await startWebServer({ rendererDir: join(dir, 'renderer'), handlers: createWebHandlers(corpus), port: 0, timeouts: TIMEOUTS });
  const page = await trickle([`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nConnection: close\r\n\r\n`], []);
  secret = /content="([^"]+)"/.exec(page.received)?.[1] ?? '';
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Trickled {
  received: string;
  /** How many of the slow pieces were written before the host closed the connection. */
  piecesSent: number;
  closedByHost: boolean;
}

/** Sends `start` at once, then one slow piece every PAUSE_MS; stops when the host closes or the pieces run out. */
function trickle(start: string[], pieces: string[]): Promise<Trickled> {
  return new Promise((done) => {
    const socket = connect(server.port, '127.0.0.1');
    let received = '';
    let piecesSent = 0;
    let closedByHost = false;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    socket.on('error', () => {}); // a write after the host hung up: 'close' follows
    socket.on('end', () => (closedByHost = true));
    socket.on('close', () => {
      clearInterval(timer);
      done({ received, piecesSent, closedByHost: closedByHost || piecesSent < pieces.length });
    });
    socket.write(start.join(''));
    if (pieces.length === 0) return;
    timer = setInterval(() => {
      if (piecesSent === pieces.length) {
        clearInterval(timer);
        socket.end();
        return;
      }
      socket.write(pieces[piecesSent++] as string);
    }, PAUSE_MS);
  });
}

describe('request timeouts', () => {
  it('closes a connection whose headers come too slowly, with a 408', async () => {
    const slowHeaders = Array.from({ length: PIECES }, (_, i) => `X-Slow-${i}: a\r\n`);
    const result = await trickle([`GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`], slowHeaders);
    expect(result.closedByHost).toBe(true);
    expect(result.piecesSent).toBeLessThan(PIECES);
    expect(result.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers 408 with the envelope and closes when an API body comes too slowly', async () => {
    const headers = [
      'POST /api/getDocument HTTP/1.1',
      `Host: 127.0.0.1:${server.port}`,
      'Content-Type: application/json',
      `${SESSION_HEADER}: ${secret}`,
      'Content-Length: 1000',
      '',
      '{',
    ].join('\r\n');
    const result = await trickle([headers], Array.from({ length: PIECES }, () => ' '));
    expect(result.closedByHost).toBe(true);
    expect(result.piecesSent).toBeLessThan(PIECES);
    expect(result.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(result.received).toContain('Connection: close');
    expect(result.received.slice(result.received.indexOf('\r\n\r\n') + 4)).toBe(JSON.stringify({ ok: false, error: 'request body not received within 0.4 s' }));
  });

  it('still answers a client that sends at a normal pace', async () => {
    const result = await trickle([`GET /api/health HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\n`], ['Connection: close\r\n', '\r\n']);
    expect(result.received).toMatch(/^HTTP\/1\.1 200 /);
  });

  it('are 10 s for headers and for a body, 30 s for a whole request, by default', () => {
    expect(DEFAULT_TIMEOUTS).toEqual({ headersMs: 10_000, bodyMs: 10_000, requestMs: 30_000, checkIntervalMs: 1_000 });
    expect(serverOptionsFor(DEFAULT_TIMEOUTS)).toMatchObject({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 });
    // Node refuses headersTimeout > requestTimeout: the whole request never gets less than the headers.
    expect(serverOptionsFor({ ...DEFAULT_TIMEOUTS, requestMs: 1 }).requestTimeout).toBe(10_000);
  });
});
