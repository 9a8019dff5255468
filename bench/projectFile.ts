/**
 * Project files (`--only projectfile`):
 * 1. What keeping the project file current adds to a coding in the book (10,000 segments): the
 *    same codings by shortcut, p95, in a host without project files (the database alone) and in
 *    one whose every change is queued in the outbox and appended to the journal (fsync'd); the
 *    host's own time per append is reported beside.
 * 2. Opening the synthetic corpus's 100,000-segment project from its file into an empty database
 *    (navigation to every segment read), against restoring the same data from its JSON backup
 *    (navigation to an empty project, then Import ▸ Replace until every segment is read).
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { emptySnapshot } from '../common/projectFile';
import type { ProjectRow } from '../common/projectFile';
import type { ApiHandlers } from '../main/api';
import { loadCorpus } from '../main/corpus/loadCorpus';
import { Projects } from '../main/project/projects';
import { writeSnapshot } from '../main/project/snapshot';
import { createWebHandlers, startWebServer, type RunningWebServer } from '../main/web/server';
import type { Backup } from '../renderer/formats/backup/backup';
import { median, percentile, ratio } from './report';
import { seedBackup } from './seed';

export interface ProjectFileBenchOptions {
  browser: Browser;
  rendererDir: string;
  bundledCorpus: string;
  book: { folder: string; backup: Backup; backupFile: string; title: string; expected: number; spans: unknown[] };
  corpus: { folder: string; backup: Backup; backupFile: string };
  /** The passages coded in a round (each round codes others: the project file keeps the last round's). */
  codingSpans: (round: number) => Array<[number, number]>;
  reps: number;
  newContext: () => Promise<BrowserContext>;
  log: (message: string) => void;
}

export interface ProjectFileResult {
  codings: number;
  codeP95WithoutFileMs: number;
  codeP95WithFileMs: number;
  addedP95Ms: number;
  codeRatio: number;
  appendP95Ms: number;
  appendMedianMs: number;
  appends: number;
  segments: number;
  openFromFileMs: number;
  restoreBackupMs: number;
  openRatio: number;
}

const js = (v: unknown) => JSON.stringify(v);
const evaluate = <T>(page: Page, expression: string) => page.evaluate(expression) as Promise<T>;

/** A project folder holding the backup's rows as its snapshot, over `corpusFolder`. */
async function projectFrom(data: string, name: string, corpusFolder: string, backup: Backup): Promise<string> {
  const folder = join(data, 'projects', `${name}.marginalia`);
  await mkdir(folder, { recursive: true });
  const snapshot = emptySnapshot({ id: randomUUID(), name, corpus: { kind: 'folder', path: corpusFolder }, now: new Date().toISOString() });
  snapshot.tables.codes = backup.codes as unknown as ProjectRow[];
  snapshot.tables.segments = backup.segments as unknown as ProjectRow[];
  snapshot.tables.memos = backup.memos as unknown as ProjectRow[];
  snapshot.settings = { ...backup.settings };
  snapshot.seq = 1; // written before: the page's empty database is older
  await writeSnapshot(folder, snapshot);
  return folder;
}

async function serveProject(options: ProjectFileBenchOptions, data: string, folder: string, appendMs: number[]): Promise<{ server: RunningWebServer; projects: Projects }> {
  const projects = new Projects({ dataFolder: data, bundledCorpusFolder: options.bundledCorpus });
  await projects.start({ open: folder });
  const handlers: ApiHandlers = createWebHandlers(projects.corpus!, undefined, projects);
  const append = handlers.appendJournal;
  handlers.appendJournal = async (request) => {
    const t = performance.now();
    const result = await append(request);
    appendMs.push(performance.now() - t);
    return result;
  };
  return { server: await startWebServer({ rendererDir: options.rendererDir, handlers, port: 0 }), projects };
}

async function codeInBook(context: BrowserContext, url: string, options: ProjectFileBenchOptions, round: number): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(`${url}#doc=book`);
  await evaluate(page, `window.__bench.setSpans(${js(options.book.spans)})`);
  await evaluate(page, `window.__bench.appReady(${js(options.book.title)}, ${options.book.expected})`);
  const times = await evaluate<number[]>(page, `window.__bench.codeRun(${js(options.codingSpans(round))}, '1')`);
  // Every coding acknowledged (appended and fsync'd) before the page goes.
  await evaluate(page, `window.__bench.waitFor(() => document.querySelector('.save-status')?.textContent !== 'Saving…', 60000, 'the project saved')`);
  await page.close();
  return times;
}

export async function measureProjectFile(options: ProjectFileBenchOptions): Promise<ProjectFileResult> {
  const { log } = options;
  const data = await mkdtemp(join(tmpdir(), 'marginalia-bench-projects-'));
  const running: Array<{ server: RunningWebServer; projects?: Projects }> = [];
  try {
    // 1. Coding at 10,000 segments, without and with the project file.
    const plain = await startWebServer({ rendererDir: options.rendererDir, handlers: createWebHandlers(await loadCorpus(options.book.folder)), port: 0 });
    running.push({ server: plain });
    const appendMs: number[] = [];
    const withFile = await serveProject(options, data, await projectFrom(data, 'Book', options.book.folder, options.book.backup), appendMs);
    running.push(withFile);
    const without: number[] = [];
    const withJournal: number[] = [];
    for (let r = 0; r < Math.max(1, Math.min(options.reps, 2)); r++) {
      const a = await options.newContext();
      await seedBackup({ context: a, url: plain.url }, options.book.backupFile);
      without.push(...(await codeInBook(a, plain.url, options, r)));
      await a.close();
      const b = await options.newContext();
      withJournal.push(...(await codeInBook(b, withFile.server.url, options, r)));
      await b.close();
      log(`projectfile: coding p95 ${percentile(without, 95).toFixed(1)} ms without the file, ${percentile(withJournal, 95).toFixed(1)} ms with it (${appendMs.length} appends)`);
    }

    // 2. The 100,000-segment project: from its file, and from its backup.
    const corpusFolder = await projectFrom(data, 'Corpus', options.corpus.folder, options.corpus.backup);
    const fromFile = await serveProject(options, data, corpusFolder, []);
    running.push(fromFile);
    const backupHost = await startWebServer({ rendererDir: options.rendererDir, handlers: createWebHandlers(await loadCorpus(options.corpus.folder)), port: 0 });
    running.push({ server: backupHost });
    const openMs: number[] = [];
    const restoreMs: number[] = [];
    for (let r = 0; r < Math.max(1, Math.min(options.reps, 2)); r++) {
      const c = await options.newContext();
      const page = await c.newPage();
      await page.goto(fromFile.server.url);
      // performance.now() counts from navigation start.
      openMs.push(await evaluate<number>(page, `window.__bench.waitFor(window.__bench.allSegmentsRead, 600000, 'every segment read from the file')`));
      await c.close();
      const d = await options.newContext();
      restoreMs.push(await restoreBackup(d, backupHost.url, options.corpus.backupFile));
      await d.close();
      log(`projectfile: 100,000 segments opened from the file in ${openMs[r]!.toFixed(0)} ms; restored from the backup in ${restoreMs[r]!.toFixed(0)} ms`);
    }
    const segments = options.corpus.backup.segments.length;
    return {
      codings: withJournal.length,
      codeP95WithoutFileMs: percentile(without, 95),
      codeP95WithFileMs: percentile(withJournal, 95),
      addedP95Ms: percentile(withJournal, 95) - percentile(without, 95),
      codeRatio: ratio(percentile(withJournal, 95), percentile(without, 95)),
      appendP95Ms: percentile(appendMs, 95),
      appendMedianMs: median(appendMs),
      appends: appendMs.length,
      segments,
      openFromFileMs: median(openMs),
      restoreBackupMs: median(restoreMs),
      openRatio: ratio(median(openMs), median(restoreMs)),
    };
  } finally {
    for (const r of running) {
      await r.server.close();
      await r.projects?.close();
    }
    await rm(data, { recursive: true, force: true });
  }
}

/** Navigation to an empty project, then Import ▸ Project backup ▸ Replace, until every segment is read (ms). */
async function restoreBackup(context: BrowserContext, url: string, backupFile: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url);
  const boot = await evaluate<number>(page, `window.__bench.waitFor(window.__bench.allSegmentsRead, 60000, 'the empty project')`);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Import' });
  await dialog.getByRole('radio', { name: 'Project backup (JSON)', exact: true }).check();
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose file…' }).click();
  await (await choosing).setFiles(backupFile);
  await dialog.getByRole('button', { name: 'Replace' }).click({ timeout: 600_000 });
  await dialog.getByRole('status').filter({ hasText: /^Imported/ }).waitFor({ timeout: 600_000 });
  await evaluate(page, `window.__bench.waitFor(window.__bench.allSegmentsRead, 600000, 'every segment read')`);
  const restored = Date.now() - t0;
  await page.close();
  return boot + restored;
}
