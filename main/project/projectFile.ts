/**
 * One open project folder: its state in memory (snapshot + journal), its lock, and the journal it
 * appends to. `append` answers only once the changes are fsync'd. The journal is compacted into a
 * new project.json in the background once it grows; a crash at any point leaves either the old
 * snapshot or the new one, and a journal whose entries up to the snapshot's `seq` are skipped.
 */
import { mkdir, readFile, readdir, rename, stat, truncate, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { JOURNAL_FILE, emptySnapshot } from '../../common/projectFile';
import type { JournalEntry, ProjectCorpus, ProjectSnapshot } from '../../common/projectFile';
import type { AppendRequest, AppendResult, OutgoingChange, ProjectContent } from '../../common/projectApi';
import { JournalWriter, encodeJournalLine, readJournal } from './journal';
import { acquireLock, releaseLock } from './lock';
import type { LockOptions } from './lock';
import { readSnapshot, syncFolder, writeDurably, writeSnapshot } from './snapshot';
import { ProjectState } from './state';

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

/** A refusal the API passes on with its status (409: read-only; 404: another project). */
export class ProjectFileError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProjectFileError';
  }
}

export class ProjectFile {
  private queue: Promise<unknown> = Promise.resolve();
  private compacting: Promise<void> | null = null;
  private compactTimer: NodeJS.Timeout | null = null;
  /** Lines appended since the snapshot on disk (what a compaction keeps if they came after it). */
  private journalLines: { seq: number; line: string }[] = [];
  private journalBytes = 0;
  /** `client:n` → seq of changes in the journal: a resent change gets its number back. */
  private readonly written = new Map<string, number>();
  private closed = false;

  private constructor(
    readonly folder: string,
    private header: Omit<ProjectSnapshot, 'tables' | 'settings'>,
    private readonly state: ProjectState,
    private writer: JournalWriter | null,
    /** Why changes cannot be saved, or null. */
    readonly readOnly: string | null,
    readonly notices: readonly string[],
    private readonly policy: CompactionPolicy,
    private readonly now: () => Date,
  ) {}

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

  /** Opens a project folder: the lock (or read-only), the snapshot, and the journal's good entries. */
  static async open(folder: string, options: OpenProjectFileOptions = {}): Promise<ProjectFile> {
    const now = options.now ?? (() => new Date());
    const lock = await acquireLock(folder, options.lock);
    try {
      const snapshot = await readSnapshot(folder);
      const notices: string[] = [];
      if (lock.kind === 'acquired' && lock.staleRemoved) {
        notices.push(`The project was not closed properly last time (process ${lock.staleRemoved.pid} stopped); its lock was taken over.`);
      }
      const readOnly = lock.kind === 'held' ? lock.message : null;
      const journalPath = join(folder, JOURNAL_FILE);
      const bytes = await readFile(journalPath).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return Buffer.alloc(0);
        throw error;
      });
      const journal = readJournal(bytes, snapshot.seq);
      if (journal.damage) {
        const { damage } = journal;
        const last = journal.entries.at(-1)?.seq ?? snapshot.seq;
        let kept = '';
        if (readOnly === null) {
          // Set the damaged bytes aside (never lost), then cut the journal back to its good prefix so appends follow good lines.
          const aside = join(folder, `journal.damaged-${now().toISOString().replace(/[:.]/g, '-')}.jsonl`);
          await writeFile(aside, bytes.subarray(damage.offset));
          await truncate(journalPath, damage.offset);
          kept = ` The damaged bytes were kept in ${basename(aside)}.`;
        }
        notices.push(
          `The project's journal was damaged at line ${damage.line} (${damage.problem}; ${damage.bytes} bytes): the project opened as it was after change ${last}.${kept}`,
        );
      }
      const state = ProjectState.from(snapshot.tables, snapshot.settings);
      const { tables: _tables, settings: _settings, ...header } = snapshot;
      const file = new ProjectFile(
        folder,
        header,
        state,
        readOnly === null ? await JournalWriter.open(journalPath) : null,
        readOnly,
        notices,
        { ...DEFAULT_COMPACTION, ...options.compaction },
        now,
      );
      for (const entry of journal.entries) file.take(entry, encodeJournalLine(entry));
      if (journal.entries.length > 0) file.scheduleCompaction();
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
  get seq(): number {
    return this.header.seq;
  }
  /** Never written to since it was created. */
  get fresh(): boolean {
    return this.header.seq === 0 && this.state.isEmpty;
  }

  /** The project's content at its last change. */
  content(): ProjectContent {
    return { id: this.header.id, seq: this.header.seq, settings: this.state.settings, tables: this.state.toTables() };
  }

  /** The whole project as a snapshot (for compaction and Save as). */
  snapshot(): ProjectSnapshot {
    return { ...this.header, savedAt: this.now().toISOString(), settings: this.state.settings, tables: this.state.toTables() };
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
      let next = this.header.seq;
      let lastN = this.header.clients[request.client]?.n ?? -1;
      const at = this.now().toISOString();
      for (const change of request.changes) {
        if (change.n <= lastN) {
          seqs.push(this.written.get(`${request.client}:${change.n}`) ?? null);
          continue;
        }
        lastN = change.n;
        const entry = toEntry(change, { seq: ++next, at, client: request.client });
        fresh.push({ entry, line: encodeJournalLine(entry) });
        seqs.push(entry.seq);
      }
      if (fresh.length > 0) {
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
    if (this.readOnly === null) await releaseLock(this.folder);
  }

  private take(entry: JournalEntry, line: string): void {
    this.state.apply(entry);
    this.header = {
      ...this.header,
      seq: entry.seq,
      clients: { ...this.header.clients, [entry.client]: { n: entry.n, seq: entry.seq } },
    };
    this.journalLines.push({ seq: entry.seq, line });
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
    const snapshot = await this.serial(async () => this.snapshot());
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
    });
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    this.queue = result.catch(() => undefined);
    return result;
  }
}

function toEntry(change: OutgoingChange, head: { seq: number; at: string; client: string }): JournalEntry {
  return change.kind === 'patch'
    ? { ...head, n: change.n, kind: 'patch', label: change.label, patch: change.patch }
    : { ...head, n: change.n, kind: 'settings', settings: change.settings };
}

/** Makes the project folder; one that exists must be empty (never overwrite a project). */
async function createEmptyFolder(folder: string): Promise<void> {
  const existing = await stat(folder).catch(() => null);
  if (existing !== null) {
    if (!existing.isDirectory() || (await readdir(folder)).length > 0) {
      throw new ProjectFileError(409, `${basename(folder)} already exists: choose another name.`);
    }
  }
  await mkdir(folder, { recursive: true });
}
