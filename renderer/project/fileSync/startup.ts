/**
 * On start, the database and the project file are brought in step before the project opens:
 *
 * 1. Changes still waiting in the outbox (the window closed, or main was unreachable) are
 *    written to their project's file first — never dropped.
 * 2. Texts the project folder lost that the database still holds are written back (textRepair.ts).
 * 3. Then the file wins when it is newer: a database that is empty, behind the file, or holds
 *    another project — or lacks a text the file has again — is loaded from the file (with progress).
 * 4. A database ahead of the file (its journal lost a tail) writes what the file lacks to it.
 *    A database of an older build (no project yet) becomes a new, fresh project's content; with
 *    a project that already has content, it is kept as a recovered project of its own.
 * 5. A fresh project gets its first codebook (the default one over the bundled corpus, else
 *    none) and settings.
 */
import type { MarginaliaApi } from '../../../common/contract';
import type { ProjectContent, ProjectInfo, ProjectState } from '../../../common/projectApi';
import { emptySnapshot, type ProjectTables } from '../../../common/projectFile';
import type { Code, Settings } from '../../domain/model';
import type { MarginaliaDb } from '../../store/db';
import { readOutbox, readRecord, writeRecord, type JournalTarget, type OutboxChange } from '../../store/outbox';
import { hasProjectContent, readDatabaseContent, replaceDatabaseContent, type DatabaseContent } from '../../store/projectContent';
import { differenceToFile } from './contentDiff';
import type { JournalSender } from './sender';
import { errorMessage } from '../../../common/errorMessage';
import { restoreLostTexts, withCopies, type TextRepairApi } from './textRepair';

export type LoadProgress = { phase: 'reading' } | { phase: 'writing'; done: number; total: number };

type StartupApi = Pick<MarginaliaApi, 'getProjectState' | 'readProject' | 'appendJournal' | 'newProject' | 'openProject'> & TextRepairApi;

export interface StartupDeps {
  api: StartupApi;
  /** The host's answer to getProjectState, asked before the database opened; null when it could not be reached. */
  state: ProjectState | null;
  db: MarginaliaDb;
  target: JournalTarget;
  sender: JournalSender;
  /** A fresh project's first codebook and settings. */
  seed: (project: ProjectInfo) => { codes: Code[]; settings: Settings };
  onProgress?: (progress: LoadProgress) => void;
  now?: () => Date;
}

export interface StartupResult {
  /** The host's answer; null when it could not be reached (the database is used as it is). */
  state: ProjectState | null;
  /** What the analyst should be told. */
  notices: string[];
  /** The segments just loaded from the file (as the file has them, not yet screened), so they need not be read back. */
  loadedSegments?: unknown[];
}

const emptyTables = (): ProjectTables => emptySnapshot({ id: 'empty-project', name: 'x', corpus: { kind: 'none' }, now: '' }).tables;
const fileContent = (content: ProjectContent): DatabaseContent => ({ settings: content.settings, tables: content.tables });

export async function syncAtStart(deps: StartupDeps): Promise<StartupResult> {
  const { api, db, target } = deps;
  const notices: string[] = [];
  let state = deps.state;
  if (state === null) {
    // Keep working on the database; its changes wait in the outbox for the project it holds.
    target.projectId = (await readRecord(db))?.projectId ?? null;
    return { state: null, notices: ['Marginalia could not be reached: changes are kept in this window and saved to the project file once it is back.'] };
  }
  let info = state.project;
  if (info === null) {
    target.projectId = null;
    return { state, notices };
  }
  target.readOnly = info.readOnly;

  const said = info.readOnly === null ? await deliverWaitingChanges(deps, info) : [];
  const texts = await restoreLostTexts(api, db, info);
  if (info.readOnly === null) {
    // Main's notices now: a text written back is no longer named unavailable.
    state = await api.getProjectState({});
    info = state.project ?? info;
  }
  notices.push(...info.notices, ...said, ...texts.notices);
  const opened = info;
  const load = () => loadFromFile(deps, opened, texts.copies);

  const record = await readRecord(db);
  target.projectId = info.id;
  if (record?.projectId === info.id) {
    // Never over changes the file lacks (a database ahead writes them first; it loads at a later start).
    if (record.seq < info.seq || (record.seq === info.seq && texts.databaseLacksTexts)) return { state, notices, loadedSegments: await load() };
    if (record.seq > info.seq && info.readOnly === null) notices.push(await writeWhatTheFileLacks(deps, info));
    return { state, notices };
  }
  const holdsWork = await hasProjectContent(db);
  if (info.fresh && info.readOnly === null) {
    if (holdsWork && record === null) {
      notices.push(await writeWhatTheFileLacks(deps, info, 'This window’s earlier work became the project’s content.'));
    } else {
      const { codes, settings } = deps.seed(info);
      const tables = { ...emptyTables(), codes };
      const queue: OutboxChange[] = [
        { kind: 'patch', label: 'New project', patch: { codes: Object.fromEntries(codes.map((c) => [c.id, c])) } },
        { kind: 'settings', settings },
      ];
      await replaceDatabaseContent(db, { settings, tables }, { projectId: info.id, seq: 0 }, undefined, codes.length > 0 ? queue : queue.slice(1));
      deps.sender.kick();
    }
    return { state, notices };
  }
  if (holdsWork && record === null && info.readOnly === null) notices.push(await keepAsRecoveredProject(deps, info));
  return { state, notices, loadedSegments: await load() };
}

/** Sends the outbox; rows of a project main cannot write to stay, and a database of that project is kept as a recovered project. */
async function deliverWaitingChanges(deps: StartupDeps, info: ProjectInfo): Promise<string[]> {
  try {
    await deps.sender.flush();
    return [];
  } catch (err) {
    const waiting = await readOutbox(deps.db, 1);
    const record = await readRecord(deps.db);
    const other = waiting[0]?.projectId;
    if (other !== undefined && other !== info.id && record?.projectId === other) {
      // The database holds that project with its unsent changes: keep all of it as a project of its own.
      const notice = await keepAsRecoveredProject(deps, info);
      await deps.db.outbox.filter((row) => row.projectId === other).delete();
      return [notice];
    }
    return [`Changes waiting from an earlier session could not be saved yet (${errorMessage(err)}); they are kept and sent again.`];
  }
}

/** Replaces the database's project with the file's (texts the file lacks kept from `copies`); resolves to the segments written. */
async function loadFromFile(deps: StartupDeps, info: ProjectInfo, copies: ReadonlyMap<string, string>): Promise<unknown[]> {
  deps.onProgress?.({ phase: 'reading' });
  const content = await withCopies(deps.db, await deps.api.readProject({ projectId: info.id }), copies);
  await replaceDatabaseContent(deps.db, fileContent(content), { projectId: info.id, seq: content.seq }, (done, total) =>
    deps.onProgress?.({ phase: 'writing', done, total }),
  );
  return content.tables.segments;
}

/** The database is ahead of the file: what the file lacks is queued as one change (and sent now). */
async function writeWhatTheFileLacks(deps: StartupDeps, info: ProjectInfo, said?: string): Promise<string> {
  const { db } = deps;
  const file = fileContent(await deps.api.readProject({ projectId: info.id }));
  const difference = differenceToFile(await readDatabaseContent(db), file);
  await db.transaction('rw', db.settings, db.outbox, async () => {
    await writeRecord(db, { projectId: info.id, seq: info.seq });
    if (difference.rows > 0) {
      await db.outbox.add({ projectId: info.id, change: { kind: 'patch', label: 'Changes this window held that the project file lacked', patch: difference.patch } });
    }
    if (difference.settings) await db.outbox.add({ projectId: info.id, change: { kind: 'settings', settings: difference.settings } });
  });
  deps.sender.kick();
  return said ?? `This window held ${difference.rows} row(s) the project file lacked; they were written to it.`;
}

/**
 * Work in the database that belongs to no project file this host has (an older build's, or a
 * project it cannot reach): kept as a new project in the data folder, listed under Recent.
 */
async function keepAsRecoveredProject(deps: StartupDeps, info: ProjectInfo): Promise<string> {
  const content = await readDatabaseContent(deps.db);
  const name = `${info.name} (recovered ${(deps.now?.() ?? new Date()).toISOString().slice(0, 10)})`;
  const made = await deps.api.newProject({ name, corpus: info.corpus, inDataFolder: true });
  if (made === null) throw new Error('the recovered project could not be made');
  const difference = differenceToFile(content, { settings: null, tables: emptyTables() });
  const client = `once-${crypto.randomUUID()}`;
  const changes = [
    { n: 0, kind: 'patch' as const, label: 'Recovered from a window’s database', patch: difference.patch },
    ...(content.settings ? [{ n: 1, kind: 'settings' as const, settings: content.settings }] : []),
  ];
  await deps.api.appendJournal({ projectId: made.id, client, changes });
  await deps.api.openProject({ path: info.path });
  return `This window held work that was in no project file: it was kept as the project “${made.name}” (${made.path}), listed under Recent projects.`;
}
