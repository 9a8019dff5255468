import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, CorpusDocumentSchema, ReplySchema } from '../common/contract';
import { ApiError, callApi, createApiHandlers, isApiMethod, osUserName } from './api';
import type { ApiHandlers } from './api';
import { loadCorpus } from './corpus/loadCorpus';
import { OpenedFiles } from './openedFiles';

let handlers: ApiHandlers;
const saved: unknown[] = [];

beforeAll(async () => {
  const corpus = await loadCorpus(resolve(__dirname, '../resources/corpus'));
  handlers = createApiHandlers({
    corpus,
    saveExport: (request) => {
      saved.push(request);
      return { saved: true, location: `/tmp/${request.suggestedName}` };
    },
    openImport: () => null,
    openDocuments: () => [],
    userName: () => 'ada',
  });
});

describe('callApi', () => {
  it('answers every method and every failure in the reply envelope of the contract', async () => {
    for (const [method, payload] of [['getUserInfo', {}], ['getDocument', { id: 'nope' }], ['nope', {}], ['listDocuments', null]] as const) {
      const { reply } = await callApi(handlers, method, payload);
      expect(ReplySchema.safeParse(reply).success, method).toBe(true);
    }
  });

  it('answers listDocuments and getDocument from the corpus', async () => {
    const list = await callApi(handlers, 'listDocuments', {});
    expect(list.status).toBe(200);
    expect(list.reply.ok && (list.reply.value as { documents: unknown[] }).documents).toHaveLength(5);
    const { status, reply } = await callApi(handlers, 'getDocument', { id: 'coalition-brussels-small-group' });
    expect([status, reply.ok]).toEqual([200, true]);
    if (reply.ok) expect(CorpusDocumentSchema.parse(reply.value).text.length).toBe(3226);
  });

  it('gives 404 for an unknown document and for an unknown or inherited method name', async () => {
    expect(await callApi(handlers, 'getDocument', { id: 'nope' })).toEqual({
      status: 404,
      reply: { ok: false, error: 'no document with id "nope" in the corpus' },
    });
    for (const name of ['deleteEverything', 'constructor', '__proto__', 'toString']) {
      const outcome = await callApi(handlers, name, {});
      expect(outcome).toMatchObject({ status: 404, reply: { ok: false } });
    }
    expect(API_METHODS.every(isApiMethod)).toBe(true);
  });

  it('rejects invalid payloads with 400 and a message naming the field', async () => {
    const cases: Array<[string, unknown, RegExp]> = [
      ['listDocuments', { extra: 1 }, /invalid listDocuments request: .*extra/],
      ['listDocuments', null, /invalid listDocuments request/],
      ['getDocument', { id: '../etc/passwd' }, /invalid getDocument request: id:/],
      ['getDocument', { id: 'ok', more: true }, /more/],
      ['getDocument', 'coalition-paris-roadmap', /invalid getDocument request/],
      ['saveExport', { suggestedName: '../evil.csv', mimeType: 'text/csv', content: 'x' }, /suggestedName: a file name, not a path/],
      ['saveExport', { suggestedName: 'C:\\x.csv', mimeType: 'text/csv', content: 'x' }, /suggestedName/],
      ['saveExport', { suggestedName: 'a.csv', mimeType: 'text/csv', content: 'x', encoding: 'utf16' }, /encoding/],
      ['openImport', { title: 'Import', extensions: ['.json'] }, /extensions/],
      ['openImport', { title: 'Import', extensions: [] }, /extensions/],
      ['getUserInfo', { user: 'root' }, /user/],
    ];
    for (const [method, payload, message] of cases) {
      const { status, reply } = await callApi(handlers, method, payload);
      expect([status, reply.ok], `${method} ${JSON.stringify(payload)}`).toEqual([400, false]);
      if (!reply.ok) expect(reply.error).toMatch(message);
    }
    expect(saved).toEqual([]);
  });

  it('passes the parsed request (with defaults) to the host', async () => {
    const outcome = await callApi(handlers, 'saveExport', { suggestedName: 'a.csv', mimeType: 'text/csv', content: 'x' });
    expect(outcome).toEqual({ status: 200, reply: { ok: true, value: { saved: true, location: '/tmp/a.csv' } } });
    expect(saved.at(-1)).toEqual({ suggestedName: 'a.csv', mimeType: 'text/csv', content: 'x', encoding: 'utf8' });
  });

  it('turns thrown errors and invalid responses into failures, never exceptions', async () => {
    const broken: ApiHandlers = {
      ...handlers,
      listDocuments: () => {
        throw new Error('disk on fire');
      },
      getUserInfo: () => ({ userName: 42 }) as unknown as { userName: string },
      openImport: () => {
        throw new ApiError(404, 'openImport is handled by the browser');
      },
    };
    expect(await callApi(broken, 'listDocuments', {})).toEqual({ status: 500, reply: { ok: false, error: 'listDocuments failed: disk on fire' } });
    expect(await callApi(broken, 'getUserInfo', {})).toMatchObject({
      status: 500,
      reply: { ok: false, error: expect.stringMatching(/invalid response: userName/) },
    });
    expect(await callApi(broken, 'openImport', { title: 't', extensions: ['json'] })).toEqual({
      status: 404,
      reply: { ok: false, error: 'openImport is handled by the browser' },
    });
  });

  it('returns the user name', async () => {
    expect(await callApi(handlers, 'getUserInfo', {})).toEqual({ status: 200, reply: { ok: true, value: { userName: 'ada' } } });
  });

  it('hands over files the OS asked to open, once, and none in a host without any', async () => {
    expect(await callApi(handlers, 'takeOpenedFile', {})).toEqual({ status: 200, reply: { ok: true, value: null } });
    const dir = await mkdtemp(join(tmpdir(), 'marginalia-api-'));
    try {
      await writeFile(join(dir, 'a.qdpx'), 'PK');
      const openedFiles = new OpenedFiles();
      openedFiles.add([join(dir, 'a.qdpx')]);
      const host = createApiHandlers({ corpus: await loadCorpus(resolve(__dirname, '../resources/corpus')), saveExport: () => ({ saved: false, location: null }), openImport: () => null, openDocuments: () => [], openedFiles });
      expect(await callApi(host, 'takeOpenedFile', {})).toEqual({ status: 200, reply: { ok: true, value: { name: 'a.qdpx', base64: 'UEs=' } } });
      expect(await callApi(host, 'takeOpenedFile', {})).toEqual({ status: 200, reply: { ok: true, value: null } });
      expect((await callApi(host, 'takeOpenedFile', { path: '/etc/passwd' })).status).toBe(400);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('osUserName', () => {
  it('falls back to "analyst" when the OS has no name or throws', () => {
    expect(osUserName(() => 'maria')).toBe('maria');
    expect(osUserName(() => '  ')).toBe('analyst');
    expect(
      osUserName(() => {
        throw new Error('ENOENT: no passwd entry');
      }),
    ).toBe('analyst');
    expect(osUserName().length).toBeGreaterThan(0);
  });
});
