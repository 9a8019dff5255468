/**
 * One open project folder: its state in memory (snapshot + journal), its lock, and the journal it
 * appends to. `append` answers only once the changes are fsync'd. The journal is compacted into a
 * new project.json in the background once it grows; a crash at any point leaves either the old
 * snapshot or the new one, and a journal whose entries up to the snapshot's `seq` are skipped.
 * Imported documents' texts are files of their own (documentTexts.ts), made durable before the
 * row that refers to them is journaled; the rows main holds and writes carry no text.
 */
import { rename, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { JOURNAL_FILE, PROJECT_FILE_VERSION, emptySnapshot } from '../../common/projectFile';
import type { JournalEntry, ProjectCorpus, ProjectRow, ProjectSnapshot } from '../../common/projectFile';
import type { AppendRequest, AppendResult, OutgoingChange, ProjectContent, RestoreTextResult, UnavailableText } from '../../common/projectApi';
import { errorMessage } from '../../common/errorMessage';
import { documentsWithTexts } from '../../common/projectDocuments';
import {
  copyTexts,
  movableTexts,
  readText,
  referencedTexts,
  removeUnreferenced,
  splitPatch,
  writeTexts,
} from './documentTexts';
import { JournalWriter, encodeJournalLine, readJournalFile } from './journal';
import { createEmptyFolder } from './folders';
import { acquireLock, releaseLock } from './lock';
import type { LockOptions } from './lock';
import { ProjectFileError } from './projectFileError';
import { readStoredSnapshot, syncFolder, writeDurably, writeSnapshot } from './snapshot';
import { ProjectState } from '../../common/projectState';
import { UnavailableTexts } from './unavailableTexts';

export { ProjectFileError } from './projectFileError';

export interface CompactionPolicy {
  /** Compact once the journal holds this many changes … */
  entries: number;
  /** … or this many bytes … */
  bytes: number;
  /** … this long after the last append (a burst of codings is not interrupted). */
  idleMs: number;
}

export const DEFAULT_COMPACTION: CompactionPolicy = { entries: 2_000, bytes: 16 * 1024 * 1024, idleMs: 2_000 };

export interface OpenProjectFileOptions {
  lock?: LockOptions;
  compaction?: Partial<CompactionPolicy>;
  now?: () => Date;
}

export class ProjectFile {
  /** The project files this process has open, in the order they were opened. */
  private static readonly opened = new Set<ProjectFile>();
  private queue: Promise<unknown> = Promise.resolve();
  private compacting: Promise<void> | null = null;
  private compactTimer: NodeJS.Timeout | null = null;
  /** Lines appended since the snapshot on disk (what a compaction keeps if they came after it). */
  private journalLines: { seq: number; line: string; texts: ReadonlySet<string> }[] = [];
  private journalBytes = 0;
  /** `client:n` → seq of changes in the journal: a resent change gets its number back. */
  private readonly written = new Map<string, number>();
  private closed = false;
  private readonly texts: UnavailableTexts;

  private constructor(
    readonly folder: string,
    private header: Omit<ProjectSnapshot, 'tables' | 'settings'>,
    private readonly state: ProjectState,
    private writer: JournalWriter | null,
    /** Why changes cannot be saved, or null. */
    readonly readOnly: string | null,
    /** What opening the project found (a lock taken over, a damaged journal tail …). */
    private readonly openNotices: readonly string[],
    private readonly policy: CompactionPolicy,
    private readonly now: () => Date,
  ) {
    this.texts = new UnavailableTexts(folder, () => this.state.tables.documents.values());
  }

  /** The project file this process opened last at `folder` and has not closed, if any. */
  static openAt(folder: string): ProjectFile | null {
    let found: ProjectFile | null = null;
    for (const file of ProjectFile.opened) if (file.folder === folder) found = file;
    return found;
  }

  /** Creates the folder with an empty project and opens it. Refuses a folder that already holds a project. */
  static async create(
    folder: string,
    fields: { id: string; name: string; corpus: ProjectCorpus },
    options: OpenProjectFileOptions = {},
  ): Promise<ProjectFile> {
    await createEmptyFolder(folder);
    const now = (options.now?.() ?? new Date()).toISOString();
    await writeSnapshot(folder, emptySnapshot({ ...fields, now }));
    return ProjectFile.open(folder, options);
  }

  /**
   * Opens a project folder: the lock (or read-only), the snapshot, and the journal's good entries.
   * A folder of an older version is written as the current one at once (when it can be written).
   */
  static async open(folder: string, options: OpenProjectFileOptions = {}): Promise<ProjectFile> {
    const now = options.now ?? (() => new Date());
    const lock = await acquireLock(folder, options.lock);
    try {
      const { snapshot, storedVersion } = await readStoredSnapshot(folder);
      const notices: string[] = [];
      if (lock.kind === 'acquired' && lock.staleRemoved) {
        notices.push(`The project was not closed properly last time (process ${lock.staleRemoved.pid} stopped); its lock was taken over.`);
      }
      const readOnly = lock.kind === 'held' ? lock.message : null;
      const journal = await readJournalFile(folder, snapshot.seq, { setAside: readOnly === null, now });
      if (journal.notice) notices.push(journal.notice);
      const state = ProjectState.from(snapshot.tables, snapshot.settings);
      const { tables: _tables, settings: _settings, ...header } = snapshot;
      const file = new ProjectFile(
        folder,
        header,
        state,
        readOnly === null ? await JournalWriter.open(join(folder, JOURNAL_FILE)) : null,
        readOnly,
        notices,
        { ...DEFAULT_COMPACTION, ...options.compaction },
        now,
      );
      for (const entry of journal.entries) file.take(entry, encodeJournalLine(entry));
      if (readOnly === null && (storedVersion < PROJECT_FILE_VERSION || movableTexts(state.tables.documents).length > 0)) {
        await file.compact().catch((error: unknown) => {
          notices.push(`The project could not be written as version ${PROJECT_FILE_VERSION} yet (${errorMessage(error)}); it opened as it is.`);
        });
      } else if (journal.entries.length > 0) file.scheduleCompaction();
      await file.texts.find();
      ProjectFile.opened.add(file);
      return file;
    } catch (error) {
      if (lock.kind === 'acquired') await releaseLock(folder, options.lock?.me);
      throw error;
    }
  }

  get id(): string {
    return this.header.id;
  }
  get name(): string {
    return this.header.name;
  }
  get corpus(): ProjectCorpus {
    return this.header.corpus;
  }
  /** Things the analyst should know about the file: what opening it found, and the documents whose text is still unavailable. */
  get notices(): string[] {
    return [...this.openNotices, ...this.texts.notices()];
  }
  get seq(): number {
    return this.header.seq;
  }
  /** Never written to since it was created. */
  get fresh(): boolean {
    return this.header.seq === 0 && this.state.isEmpty;
  }

  /**
   * The project's content at its last change, each document with its text read from its file. A
   * document whose text cannot be read comes without it, saying why in `textUnavailable`: the
   * renderer sets such a row aside (listed, never dropped) and the rest of the project opens.
   */
  content(): Promise<ProjectContent> {
    return this.serial(async () => {
      const tables = this.state.toTables();
      const documents = await documentsWithTexts(tables.documents, (sha256) => readText(this.folder, sha256));
      return { id: this.header.id, seq: this.header.seq, settings: this.state.settings, tables: { ...tables, documents } };
    });
  }

  /** The whole project as a snapshot (for compaction and Save as): document rows refer to their texts' files. */
  snapshot(): ProjectSnapshot {
    return { ...this.header, savedAt: this.now().toISOString(), settings: this.state.settings, tables: this.state.toTables() };
  }

  /** The documents whose text file is missing or damaged now. */
  unavailableTexts(): Promise<UnavailableText[]> {
    return this.serial(() => this.texts.list());
  }

  /**
   * Writes a window's copy of a text whose file is missing or damaged, once its bytes are shown to
   * hash to the SHA-256 a document of the project refers to (unavailableTexts.ts); never when the
   * project is open read-only.
   */
  restoreText(sha256: string, text: string): Promise<RestoreTextResult> {
    return this.serial(async () => {
      if (this.closed) throw new ProjectFileError(409, 'The project was closed; reload the window.');
      if (this.readOnly !== null) throw new ProjectFileError(409, `${this.readOnly} The text was not written.`);
      return this.texts.restore(sha256, text);
    });
  }

  /** Writes the project into another, empty folder with a new header (Save as): the texts first, then project.json. */
  writeCopy(folder: string, header: Pick<ProjectSnapshot, 'id' | 'name' | 'createdAt'>): Promise<void> {
    return this.serial(async () => {
      const snapshot: ProjectSnapshot = { ...this.snapshot(), ...header, savedAt: header.createdAt, seq: 0, clients: {} };
      await copyTexts(this.folder, folder, referencedTexts(snapshot.tables.documents));
      await writeSnapshot(folder, snapshot);
    });
  }

  /**
   * Appends the changes to the journal, fsync's it, then applies them. A change this client sent
   * before (its `n` at or below the client's last) is not written again: it gets its number back.
   */
  append(request: AppendRequest): Promise<AppendResult> {
    return this.serial(async () => {
      if (this.closed) throw new ProjectFileError(409, 'The project was closed; reload the window.');
      if (this.readOnly !== null || this.writer === null) throw new ProjectFileError(409, this.readOnly ?? 'The project is read-only.');
      if (request.projectId !== this.header.id) throw new ProjectFileError(404, 'These changes belong to another project.');
      const seqs: (number | null)[] = [];
      const fresh: { entry: JournalEntry; line: string }[] = [];
      const texts = new Map<string, string>();
      let next = this.header.seq;
      let lastN = this.header.clients[request.client]?.n ?? -1;
      const at = this.now().toISOString();
      for (const change of request.changes) {
        if (change.n <= lastN) {
          seqs.push(this.written.get(`${request.client}:${change.n}`) ?? null);
          continue;
        }
        lastN = change.n;
        const entry = toEntry(change, { seq: ++next, at, client: request.client }, texts);
        fresh.push({ entry, line: encodeJournalLine(entry) });
        seqs.push(entry.seq);
      }
      if (fresh.length > 0) {
        // The texts first: a journaled row always finds its file.
        await writeTexts(this.folder, texts);
        this.texts.written(texts.keys());
        const before = this.writer.bytes;
        try {
          await this.writer.append(fresh.map((f) => f.line));
        } catch (error) {
          // Cut back whatever part was written, so the next append follows good lines.
          await truncate(join(this.folder, JOURNAL_FILE), before).catch(() => undefined);
          throw error;
        }
        for (const { entry, line } of fresh) this.take(entry, line);
        this.scheduleCompaction();
      }
      return { seqs, seq: this.header.seq };
    });
  }

  /** Writes the state as project.json and starts a journal holding only what came after it. */
  compact(): Promise<void> {
    this.compacting ??= this.runCompaction().finally(() => {
      this.compacting = null;
    });
    return this.compacting;
  }

  /** Waits for pending work, closes the journal and releases the lock. */
  async close(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer);
    await this.compacting?.catch(() => undefined);
    await this.serial(async () => {
      this.closed = true;
      await this.writer?.close();
      this.writer = null;
    });
    ProjectFile.opened.delete(this);
    if (this.readOnly === null) await releaseLock(this.folder);
  }

  private take(entry: JournalEntry, line: string): void {
    this.state.apply(entry);
    this.header = {
      ...this.header,
      seq: entry.seq,
      clients: { ...this.header.clients, [entry.client]: { n: entry.n, seq: entry.seq } },
    };
    this.journalLines.push({ seq: entry.seq, line, texts: entry.kind === 'patch' ? referencedTexts(Object.values(entry.patch.documents ?? {})) : new Set() });
    this.journalBytes += line.length;
    this.written.set(`${entry.client}:${entry.n}`, entry.seq);
  }

  private scheduleCompaction(): void {
    if (this.readOnly !== null || this.closed) return;
    if (this.journalLines.length < this.policy.entries && this.journalBytes < this.policy.bytes) return;
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      this.compact().catch((error: unknown) => console.error('The project journal could not be compacted (it stays as it is):', error));
    }, this.policy.idleMs);
    this.compactTimer.unref();
  }

  private async runCompaction(): Promise<void> {
    if (this.readOnly !== null) return;
    // Taken at once (rows are never modified), then written while appends go on.
    const snapshot = await this.serial(async () => {
      await this.moveTextsOut();
      return this.snapshot();
    });
    await writeSnapshot(this.folder, snapshot);
    await this.serial(async () => {
      if (this.closed || this.writer === null) return;
      const kept = this.journalLines.filter((l) => l.seq > snapshot.seq);
      const journalPath = join(this.folder, JOURNAL_FILE);
      const temp = `${journalPath}.${process.pid}.tmp`;
      await writeDurably(temp, kept.map((l) => l.line).join(''));
      await this.writer.close();
      await rename(temp, journalPath);
      await syncFolder(this.folder);
      this.writer = await JournalWriter.open(journalPath);
      this.journalLines = kept;
      this.journalBytes = kept.reduce((sum, l) => sum + l.line.length, 0);
      // Now that the snapshot is durable: texts neither it, the journal nor the project refers to go.
      const referenced = referencedTexts(snapshot.tables.documents);
      for (const l of kept) for (const sha256 of l.texts) referenced.add(sha256);
      referencedTexts(this.state.tables.documents.values(), referenced);
      await removeUnreferenced(this.folder, referenced);
    });
  }

  /** Writes the texts rows still hold inline (a folder of version 2) to their files, and keeps those rows without them. */
  private async moveTextsOut(): Promise<void> {
    const movable = movableTexts(this.state.tables.documents);
    await writeTexts(this.folder, new Map(movable.map((m) => [m.sha256, m.text])));
    for (const { key, row } of movable) this.state.tables.documents.set(key, row);
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

/** The journal entry for a change; the texts of its document rows go into `texts` (by hash), not into the entry. */
function toEntry(change: OutgoingChange, head: { seq: number; at: string; client: string }, texts: Map<string, string>): JournalEntry {
  if (change.kind === 'settings') return { ...head, n: change.n, kind: 'settings', settings: change.settings };
  const split = splitPatch(change.patch);
  for (const [sha256, text] of split.texts) texts.set(sha256, text);
  return { ...head, n: change.n, kind: 'patch', label: change.label, patch: split.patch };
}
