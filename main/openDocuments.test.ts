/** openDocuments crosses the boundary validated both ways: the request's extensions, and each chosen file's shape. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { callApi, createApiHandlers } from './api';
import { loadCorpus } from './corpus/loadCorpus';

async function handlersChoosing(chosen: unknown) {
  const corpus = await loadCorpus(resolve(__dirname, '../resources/corpus'));
  return createApiHandlers({
    corpus,
    saveExport: () => ({ saved: false, location: null }),
    openImport: () => null,
    openDocuments: () => chosen as never,
  });
}

describe('openDocuments', () => {
  it('returns many files, each its bytes or why it could not be read, or null when cancelled', async () => {
    const files = [
      { name: 'a.docx', base64: 'UEsDBA==' },
      { name: 'b.pdf', error: 'b.pdf cannot be read: permission denied' },
    ];
    const { status, reply } = await callApi(await handlersChoosing(files), 'openDocuments', { title: 'Add documents', extensions: ['txt', 'docx', 'pdf'] });
    expect([status, reply]).toEqual([200, { ok: true, value: files }]);
    expect((await callApi(await handlersChoosing(null), 'openDocuments', { title: 'Add documents', extensions: ['txt'] })).reply).toEqual({ ok: true, value: null });
  });

  it('refuses a malformed request and a reply that is not the contract', async () => {
    const handlers = await handlersChoosing([]);
    for (const payload of [{ title: 'x', extensions: ['.pdf'] }, { title: 'x', extensions: [] }, { title: 'x', extensions: ['pdf'], path: '/etc' }]) {
      const { status, reply } = await callApi(handlers, 'openDocuments', payload);
      expect([status, reply.ok], JSON.stringify(payload)).toEqual([400, false]);
    }
    const bad = await callApi(await handlersChoosing([{ name: 'a.pdf', base64: 'x', path: '/secret/a.pdf' }]), 'openDocuments', { title: 'x', extensions: ['pdf'] });
    expect(bad.reply.ok).toBe(false);
  });
});
