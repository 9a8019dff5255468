/**
 * Crash safety, measured: the Node host runs in a child process and is killed with SIGKILL in the
 * middle of a burst of 200 codings and of 100-document imports, driven through its HTTP API the
 * way the renderer sends them (one request at a time, whatever gathered meanwhile in one batch).
 * After a restart every change the API acknowledged is in the project, the folder reads cleanly
 * (a torn last line at most, detected and set aside), and changes sent again are written once.
 * Loopback only; every child is killed in the end and stops by itself after a minute anyway.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../common/hostSession';
import type { AppendResult, OutgoingChange, ProjectContent } from '../../common/projectApi';
import { JOURNAL_FILE } from '../../common/projectFile';
import { unwrapReply } from '../../common/reply';
import { sha256Hex } from '../../common/text/sha256';
import { readJournal } from './journal';
import { readSnapshot } from './snapshot';

const HOST = resolve(__dirname, 'testing/crashHost.ts');
const CLIENT = 'client-crash-test';

let dir: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-crash-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><html><head><title>stand-in</title></head><body></body></html>');
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

interface Host {
  child: ChildProcess;
  projectId: string;
  call<T>(method: string, body: unknown): Promise<T>;
}

async function startHost(compactAfter = 2_000): Promise<Host> {
  const child = spawn(process.execPath, ['--import', 'tsx', HOST, join(dir, 'data'), dir, String(compactAfter)], { stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  const [url, projectId] = await new Promise<[string, string]>((done, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const found = /listening (\S+) (\S+)/.exec(out);
      if (found) done([found[1]!, found[2]!]);
    });
    child.once('exit', (code) => fail(new Error(`host exited (${code})`)));
  });
  // The page the host serves holds its session secret, as the renderer's does.
  const page = await (await fetch(url)).text();
  const secret = /name="marginalia-session" content="([^"]+)"/.exec(page)![1]!;
  return {
    child,
    projectId,
    async call<T>(method: string, body: unknown): Promise<T> {
      const response = await fetch(`${url}api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: secret },
        body: JSON.stringify(body),
      });
      return unwrapReply(method, await response.json()) as T;
    },
  };
}

function kill(host: Host): Promise<void> {
  return new Promise((done) => {
    host.child.once('exit', () => done());
    host.child.kill('SIGKILL');
  });
}

const NOW = '2026-01-01T00:00:00.000Z';
function coding(n: number): OutgoingChange {
  const id = `seg-${n}`;
  const segment = {
    id,
    documentId: 'coalition-brussels-small-group',
    documentHash: 'a'.repeat(64),
    start: n * 10,
    end: n * 10 + 5,
    quote: `q${n}`,
    prefix: '',
    suffix: '',
    codings: [{ id: `${id}/c1`, codeId: 'c1', coder: 'ada', createdAt: NOW }],
    memo: '',
    createdAt: NOW,
    updatedAt: NOW,
  };
  return { n, kind: 'patch', label: `Apply code FTF`, patch: { segments: { [id]: segment } } };
}

/** Each import brings texts of its own: documents/ gains 100 files per import. */
const importedText = (n: number, d: number) => `Interview ${n}-${d}, café. `.repeat(2_000);

function importOf(n: number, documents: number): OutgoingChange {
  const rows: Record<string, Record<string, unknown>> = {};
  for (let d = 0; d < documents; d++) {
    const id = `import-${n}-doc-${d}`;
    rows[id] = { id, title: `Interview ${d}`, kind: null, place: null, date: null, sha256: sha256Hex(importedText(n, d)), text: importedText(n, d), source: 'interviews', importedAt: NOW };
  }
  return { n, kind: 'patch', label: `Add ${documents} documents`, patch: { documents: rows } };
}

/** Sends changes as they come, like the renderer's outbox: one request at a time, the rest batched. */
async function burst(host: Host, changes: OutgoingChange[], killAfterAcked: number): Promise<Set<number>> {
  const acked = new Set<number>();
  const queue: OutgoingChange[] = [];
  let produced = 0;
  const producer = setInterval(() => {
    if (produced < changes.length) queue.push(changes[produced++]!);
  }, 1);
  let killed: Promise<void> | null = null;
  try {
    while (acked.size < changes.length) {
      if (queue.length === 0) {
        await new Promise((done) => setTimeout(done, 1));
        continue;
      }
      const batch = queue.splice(0);
      const request = host.call<AppendResult>('appendJournal', { projectId: host.projectId, client: CLIENT, changes: batch });
      // Kill while this request is on its way: it may or may not be written, but it is not acknowledged.
      if (killed === null && acked.size >= killAfterAcked) killed = kill(host);
      try {
        await request;
      } catch {
        break;
      }
      if (killed !== null) break; // answered before the kill landed: not counted, as the renderer might not have seen it
      for (const change of batch) acked.add(change.n);
    }
  } finally {
    clearInterval(producer);
  }
  await (killed ?? kill(host));
  return acked;
}

async function expectReadableWith(host: Host, ackedSegments: Iterable<string>): Promise<ProjectContent> {
  const content = await host.call<ProjectContent>('readProject', { projectId: host.projectId });
  const ids = new Set(content.tables.segments.map((s) => String(s.id)).concat(content.tables.documents.map((d) => String(d.id))));
  for (const id of ackedSegments) expect(ids.has(id), `acknowledged ${id} is in the project`).toBe(true);
  return content;
}

async function folderOf(host: Host): Promise<string> {
  const state = await host.call<{ project: { path: string } }>('getProjectState', {});
  return state.project.path;
}

describe('the Node host killed with SIGKILL', () => {
  it('keeps every acknowledged coding of a burst of 200, and the project file reads', async () => {
    const changes = Array.from({ length: 200 }, (_, i) => coding(i + 1));
    let host = await startHost(60);
    const folder = await folderOf(host);
    const acked = await burst(host, changes, 90);
    expect(acked.size).toBeGreaterThanOrEqual(90);
    expect(acked.size).toBeLessThan(200);

    host = await startHost(60);
    const content = await expectReadableWith(host, [...acked].map((n) => `seg-${n}`));
    // The restarted host may compact meanwhile (a new snapshot first, then a shorter journal):
    // reading the journal before the snapshot sees every change in one of the two either way.
    const journalBytes = await readFile(join(folder, JOURNAL_FILE));
    const snapshot = await readSnapshot(folder);
    const journal = readJournal(journalBytes, snapshot.seq);
    expect(snapshot.seq + journal.entries.length).toBe(content.seq);

    // The renderer sends again what it never saw acknowledged: written once, the rest added.
    const rest = await host.call<AppendResult>('appendJournal', { projectId: host.projectId, client: CLIENT, changes: changes.filter((c) => !acked.has(c.n)) });
    expect(rest.seq).toBeLessThanOrEqual(200);
    const all = await expectReadableWith(host, changes.map((c) => `seg-${c.n}`));
    expect(all.tables.segments).toHaveLength(200);
  }, 60_000);

  it('keeps every acknowledged 100-document import, and opens after a kill in the middle of one', async () => {
    let host = await startHost();
    const acked: string[] = [];
    for (let round = 1; round <= 3; round++) {
      const done = await host.call<AppendResult>('appendJournal', { projectId: host.projectId, client: CLIENT, changes: [importOf(round * 10, 100)] });
      expect(done.seqs).toHaveLength(1);
      acked.push(...Array.from({ length: 100 }, (_, d) => `import-${round * 10}-doc-${d}`));
      // The next import is on its way when the host dies.
      const inFlight = host.call('appendJournal', { projectId: host.projectId, client: CLIENT, changes: [importOf(round * 10 + 1, 100)] }).catch(() => 'lost');
      await new Promise((wait) => setTimeout(wait, round * 3));
      await kill(host);
      await inFlight;
      host = await startHost();
      const content = await expectReadableWith(host, acked);
      // Each acknowledged document opens with its text, read back from its file.
      for (const doc of content.tables.documents) {
        const [, n, d] = /^import-(\d+)-doc-(\d+)$/.exec(String(doc.id))!;
        expect(doc.text, `${doc.id}'s text`).toBe(importedText(Number(n), Number(d)));
      }
      // All of an import or none of it: it is one change.
      const partial = content.tables.documents.filter((d) => String(d.id).startsWith(`import-${round * 10 + 1}-`)).length;
      expect([0, 100]).toContain(partial);
    }
  }, 60_000);
});
