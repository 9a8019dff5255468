/**
 * The renderer's single source of truth for the project: in-memory mirrors of the stored
 * tables, kept equal to IndexedDB by applying exactly the patches the store has written.
 * Every user action goes through `act`, which runs a domain operation, stores its change in
 * one transaction (undoable), and turns refusals and storage failures into one message.
 */
import type { Change } from '../domain/change';
import { DomainError } from '../domain/change';
import { defaultContext, isEmptyChange, type OpContext } from '../domain/context';
import type { Settings } from '../domain/model';
import type { OpenedProject } from '../store/openProject';
import { applyChangeToTables, toTables, type ProjectArrays, type ProjectTables } from './mirror';
import { SegmentTable } from '../domain/segmentTable';
import { StorageError } from '../store/errors';

export interface ProjectSnapshot extends ProjectTables {
  settings: Settings;
  canUndo: boolean;
  canRedo: boolean;
  undoLabel: string | null;
  redoLabel: string | null;
  /** The last refusal or failure, for the alert region; null when all is well. */
  error: string | null;
  /** A short confirmation of the last action, for the status region. */
  status: string | null;
  /** False while the coded segments are still being read (large projects): reading works, coding waits. */
  segmentsLoaded: boolean;
  /** Documents whose segments are in memory before all are (the open one is read first). */
  readyDocuments: ReadonlySet<string>;
}

/** Whether a document's segments are all in memory, so it can show and code them. */
export function isDocumentReady(snapshot: ProjectSnapshot, documentId: string): boolean {
  return snapshot.segmentsLoaded || snapshot.readyDocuments.has(documentId);
}

/** What an action works on: one document's segments (and the codes), or the whole project. */
export interface ActionScope {
  documentId: string;
}

export class ProjectStore {
  private snapshot: ProjectSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Resolves once every segment is in memory; actions wait for it (null: not started). */
  private segmentsReady: Promise<void> | null = null;
  /** Reads of one document's segments, started before all were in memory. */
  private readonly documentReads = new Map<string, Promise<void>>();
  /**
   * Changes stored while the full read is under way (null once it is done). The read (in
   * chunks) may include all, some or none of their rows, so they are applied again on top of
   * it, in order: every row a change wrote then ends as last written, and rows no change
   * touched were read as stored.
   */
  private changesWhileReading: Change[] | null = [];

  constructor(
    private readonly project: OpenedProject,
    arrays: ProjectArrays,
    settings: Settings,
    segmentsLoaded = true,
  ) {
    if (segmentsLoaded) {
      this.segmentsReady = Promise.resolve();
      this.changesWhileReading = null;
    }
    this.snapshot = {
      ...toTables(arrays),
      settings,
      ...this.historyState(),
      error: null,
      status: null,
      segmentsLoaded,
      readyDocuments: new Set(),
    };
  }

  /**
   * Opens the project. The window can show as soon as codes, memos and settings are read;
   * the segments (100,000 of them in a large project take seconds, much of it on the main
   * thread) are read once the window has painted — see `loadSegments`. An action on one
   * document waits for that document's segments (read ahead: `loadDocumentSegments`), any
   * other for all of them, so no operation ever sees a partial list.
   */
  static async open(project: OpenedProject, defaults: Settings): Promise<ProjectStore> {
    const { repo } = project;
    const [codes, memos, documents, settings] = await Promise.all([
      repo.loadCodes(),
      repo.loadMemos(),
      repo.loadImportedDocuments(),
      repo.getSettings(defaults),
    ]);
    return new ProjectStore(project, { codes, segments: [], memos, documents }, settings, false);
  }

  /** Starts reading the segments (once); resolves when they are all in memory. */
  loadSegments(): Promise<void> {
    if (!this.segmentsReady) {
      this.segmentsReady = this.project.repo.loadAllSegments().then(
        (rows) => {
          let segments = SegmentTable.of(rows);
          for (const change of this.changesWhileReading ?? []) segments = segments.reapply(change.forward.segments, change.backward.segments);
          this.changesWhileReading = null;
          this.update({ segments, segmentsLoaded: true });
        },
        (err: unknown) => {
          this.fail(err);
          throw err;
        },
      );
      this.segmentsReady.catch(() => undefined);
    }
    return this.segmentsReady;
  }

  /** Resolves when all segments are loaded (starting the read if nobody has). */
  whenLoaded(): Promise<void> {
    return this.loadSegments();
  }

  /**
   * Reads one document's segments ahead of the rest (an indexed read of a few hundred rows
   * where all 100,000 take seconds), so the open document shows its highlights and can be
   * coded at once. Resolves when they are in memory; a failure falls back to the full read.
   */
  loadDocumentSegments(documentId: string): Promise<void> {
    if (this.snapshot.segmentsLoaded) return Promise.resolve();
    let read = this.documentReads.get(documentId);
    if (!read) {
      read = this.project.repo.loadSegments(documentId).then(
        (rows) => {
          if (this.snapshot.segmentsLoaded) return; // the full read came first
          const segments = this.snapshot.segments.apply(Object.fromEntries(rows.map((r) => [r.id, r])));
          this.update({ segments, readyDocuments: new Set([...this.snapshot.readyDocuments, documentId]) });
        },
        () => this.loadSegments(),
      );
      this.documentReads.set(documentId, read);
    }
    return read;
  }

  getSnapshot = (): ProjectSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * Runs a domain operation and stores its change. Returns the change when it was stored,
   * null when it was refused or failed (the message is then in `snapshot.error`).
   */
  async act(operation: (ctx: OpContext) => Change, scope?: ActionScope): Promise<Change | null> {
    try {
      // An action on one document needs only its segments; anything else needs them all.
      await (scope ? this.loadDocumentSegments(scope.documentId) : this.loadSegments());
    } catch {
      return null; // the load failure is already shown; acting on a partial project could lose work
    }
    let change: Change;
    try {
      change = operation(defaultContext());
    } catch (err) {
      this.fail(err);
      return null;
    }
    if (isEmptyChange(change)) return change;
    try {
      const stored = await this.project.history.do(change);
      this.mirror(stored, stored.label);
      return stored;
    } catch (err) {
      this.fail(err);
      return null;
    }
  }

  async undo(): Promise<void> {
    try {
      const applied = await this.project.history.undo();
      if (applied) this.mirror(applied, `Undone: ${applied.label}`);
    } catch (err) {
      this.fail(err);
    }
  }

  async redo(): Promise<void> {
    try {
      const applied = await this.project.history.redo();
      if (applied) this.mirror(applied, `Redone: ${applied.label}`);
    } catch (err) {
      this.fail(err);
    }
  }

  async saveSettings(settings: Settings): Promise<void> {
    try {
      await this.project.repo.saveSettings(settings);
      this.update({ settings, error: null });
    } catch (err) {
      this.fail(err);
    }
  }

  /** Replaces the whole mirror from the database (after an import that bypasses undo). */
  async reload(): Promise<void> {
    const { repo } = this.project;
    const [codes, segments, memos, documents] = await Promise.all([
      repo.loadCodes(),
      repo.loadAllSegments(),
      repo.loadMemos(),
      repo.loadImportedDocuments(),
    ]);
    this.update(toTables({ codes, segments, memos, documents }));
  }

  dismissError(): void {
    this.update({ error: null });
  }

  report(message: string): void {
    this.update({ error: message });
  }

  private mirror(change: Change, status: string): void {
    this.changesWhileReading?.push(change);
    const tables = applyChangeToTables(this.snapshot, change);
    this.update({ ...tables, ...this.historyState(), error: null, status });
  }

  private fail(err: unknown): void {
    const message =
      err instanceof StorageError
        ? err.userMessage
        : err instanceof DomainError
          ? err.message
          : `Something went wrong: ${err instanceof Error ? err.message : String(err)}`;
    this.update({ error: message, ...this.historyState() });
  }

  private historyState() {
    const h = this.project.history;
    return { canUndo: h.canUndo, canRedo: h.canRedo, undoLabel: h.undoLabel, redoLabel: h.redoLabel };
  }

  private update(partial: Partial<ProjectSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...partial };
    for (const l of this.listeners) l();
  }
}
