/**
 * Start-up order of the Node host as cli.ts runs it: the project opens and the server answers
 * while the corpus is still being read; the listing arrives once it is read; the corpus is read
 * once. loadCorpus is held at a gate (after telling its first progress) until the test opens it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CorpusListingSchema, CorpusProgressSchema } from '../../common/contract';
import { ProjectStateSchema } from '../../common/projectApi';
import { SESSION_HEADER } from '../../common/hostSession';
import { unwrapReply } from '../../common/reply';
import { loadCorpus } from '../corpus/loadCorpus';
import type { LoadOptions } from '../corpus/loadCorpus';
import { Projects } from '../project/projects';
import { createWebHandlers, startWebServer } from './server';
import type { RunningWebServer } from './server';

const gate = vi.hoisted(() => {
  const held = { open: () => {}, opened: Promise.resolve() };
  const close = () => {
    held.opened = new Promise<void>((resolve) => (held.open = resolve));
  };
  return { held, close };
});

vi.mock('../corpus/loadCorpus', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../corpus/loadCorpus')>();
  return {
    ...actual,
    loadCorpus: vi.fn(async (folder: string, options: LoadOptions = {}) => {
      options.onProgress?.({ name: basename(folder), done: 0, total: 2 });
      await gate.held.opened;
      // No conversion cache: the test must not write to the user's cache folder.
      return actual.loadCorpus(folder, { ...options, cacheFolder: null });
    }),
  };
});

let dir: string;
let folder: string;
const running: Array<{ close(): Promise<void> }> = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-startup-'));
  folder = join(dir, 'interviews');
  await mkdir(folder);
  await writeFile(join(folder, 'one.txt'), 'One text.');
  await writeFile(join(folder, 'two.txt'), 'Two texts.');
  await mkdir(join(dir, 'renderer'));
  await writeFile(join(dir, 'renderer', 'index.html'), '<!doctype html><html lang="en"><head><title>Marginalia</title></head><body></body></html>');
  vi.mocked(loadCorpus).mockClear();
});
afterEach(async () => {
  gate.held.open();
  for (const r of running.splice(0).reverse()) await r.close();
  await rm(dir, { recursive: true, force: true });
});

async function startHost(): Promise<{ projects: Projects; call: (method: string) => Promise<{ status: number; body: unknown }> }> {
  const projects = new Projects({ dataFolder: join(dir, 'data'), bundledCorpusFolder: folder });
  running.push(projects);
  await projects.start({ corpusFolder: folder });
  const server: RunningWebServer = await startWebServer({ rendererDir: join(dir, 'renderer'), handlers: createWebHandlers(projects.corpus!, undefined, projects), port: 0 });
  running.push(server);
  const page = await (await fetch(server.url)).text();
  const secret = /<meta name="marginalia-session" content="([^"]+)" \/>/.exec(page)?.[1] ?? '';
  const call = async (method: string) => {
    const res = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: secret },
      body: '{}',
    });
    return { status: res.status, body: await res.json() };
  };
  return { projects, call };
}

describe('start-up of the Node host', () => {
  it('answers before the corpus is read, says how far it is, and lists the documents once read', async () => {
    gate.close();
    const { call } = await startHost();
    const state = ProjectStateSchema.parse(unwrapReply('getProjectState', (await call('getProjectState')).body));
    expect(state.project).toMatchObject({ name: 'interviews', corpus: { kind: 'folder', path: folder } });
    const reading = CorpusProgressSchema.parse(unwrapReply('corpusProgress', (await call('corpusProgress')).body));
    expect(reading).toEqual({ state: 'reading', name: 'interviews', done: 0, total: 2 });

    let listed = false;
    const listing = call('listDocuments').then((reply) => {
      listed = true;
      return reply;
    });
    // The gate is shut, so the listing cannot have come; the server still answers other calls.
    expect((await call('corpusProgress')).status).toBe(200);
    expect(listed).toBe(false);

    gate.held.open();
    const reply = await listing;
    expect(reply.status).toBe(200);
    expect(CorpusListingSchema.parse(unwrapReply('listDocuments', reply.body)).documents.map((d) => d.id)).toEqual(['one', 'two']);
    expect(unwrapReply('corpusProgress', (await call('corpusProgress')).body)).toEqual({ state: 'ready' });
  });

  it('reads the corpus of a new project once, and once again only when the project is opened again', async () => {
    const { projects } = await startHost();
    expect((await projects.corpus!.loaded).listing.documents).toHaveLength(2);
    expect(loadCorpus).toHaveBeenCalledTimes(1);
    await projects.close();
    const again = new Projects({ dataFolder: join(dir, 'data'), bundledCorpusFolder: folder });
    running.push(again);
    await again.start({ corpusFolder: folder });
    await again.corpus!.loaded;
    expect(loadCorpus).toHaveBeenCalledTimes(2);
  });

  it('stops reading the corpus of a project that is no longer open', async () => {
    gate.close();
    const { projects, call } = await startHost();
    const first = projects.corpus!;
    await projects.newProject({ name: 'Notes', corpus: { kind: 'none' }, inDataFolder: true });
    gate.held.open();
    await expect(first.loaded).rejects.toThrow('reading the corpus stopped: its project was closed');
    const listing = CorpusListingSchema.parse(unwrapReply('listDocuments', (await call('listDocuments')).body));
    expect(listing).toMatchObject({ name: 'Notes', documents: [] });
  });

  it('reports a corpus that could not be read when the listing is asked for', async () => {
    vi.mocked(loadCorpus).mockRejectedValueOnce(new Error('the disk went away'));
    const { call } = await startHost();
    const reply = await call('listDocuments');
    expect(reply).toEqual({ status: 500, body: { ok: false, error: 'listDocuments failed: the disk went away' } });
    expect(unwrapReply('corpusProgress', (await call('corpusProgress')).body)).toEqual({ state: 'ready' });
  });
});
