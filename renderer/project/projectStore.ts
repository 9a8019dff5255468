/**
 * The renderer's single source of truth for the project, outside React: in-memory mirrors of
 * the stored tables, kept equal to IndexedDB by applying exactly the patches the store has
 * written, and the placements of every document's segments. Every analyst action goes
 * through `act`, which builds its change from the state at commit time (one action after
 * another, so two quick actions never build on one stale snapshot), stores it in one
 * transaction (undoable) and turns refusals and storage failures into one message. System
 * writes (re-anchoring) go through `maintain`: stored and mirrored, never on Undo/Redo.
 */
import type { Change } from '../domain/change';
import { DomainError, emptyPatch, rowsById } from '../domain/change';
import { defaultContext, isEmptyChange, type OpContext } from '../domain/context';
import type { ImportedDocument, Segment, Settings } from '../domain/model';
import type { OpenedProject } from '../store/openProject';
import { applyChangeToTables, toTables, type ProjectArrays, type ProjectTables } from './mirror';
import { SegmentTable } from '../domain/segmentTable';
import { rebaseSegments } from '../domain/rebase';
import { StorageError } from '../store/errors';
import { Placements } from './placements';
import { RemoteChanges, heldSegments } from './fileSync/remoteChanges';
import { errorMessage } from '../../common/errorMessage';

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

/** Builds an action's change from the state it will be applied to. */
export type Operation = (ctx: OpContext, state: ProjectSnapshot) => Change;

export class ProjectStore {
  /** Where each document's segments stand in its current text (see placements.ts). */
  readonly placements = new Placements();
  /** Rows other windows wrote, so Undo here never silently overwrites them. */
  private readonly remote = new RemoteChanges();
  private snapshot: ProjectSnapshot;
  /** Actions, undo, redo and maintenance run one after another, each on the state the previous left. */
  private queue: Promise<unknown> = Promise.resolve();
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
   * other for all of them, so no operation ever sees a partial list. `segments`: all of them,
   * already in memory (just loaded from the project file and screened), so none is read again.
   */
  static async open(project: OpenedProject, defaults: Settings, segments?: Segment[]): Promise<ProjectStore> {
    const { repo } = project;
    const [codes, memos, documents, attributes, documentInfo, savedSearches, settings] = await Promise.all([
      repo.loadCodes(),
      repo.loadMemos(),
      repo.loadImportedDocuments(),
      repo.loadAttributes(),
      repo.loadDocumentInfo(),
      repo.loadSavedSearches(),
      repo.getSettings(defaults),
    ]);
    return new ProjectStore(project, { codes, segments: segments ?? [], memos, documents, attributes, documentInfo, savedSearches }, settings, segments !== undefined);
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
          const read = rowsById<Segment>();
          for (const row of rows) read[row.id] = row;
          const segments = this.snapshot.segments.apply(read);
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
   * Runs a domain operation on the state at commit time and stores its change. Returns the
   * change when it was stored, null when it was refused or failed (the message is then in
   * `snapshot.error`).
   */
  act(operation: Operation, scope?: ActionScope): Promise<Change | null> {
    return this.serial(async () => {
      try {
        // An action on one document needs only its segments; anything else needs them all.
        await (scope ? this.loadDocumentSegments(scope.documentId) : this.loadSegments());
      } catch {
        return null; // the load failure is already shown; acting on a partial project could lose work
      }
      let change: Change;
      try {
        change = operation(defaultContext(), this.snapshot);
      } catch (err) {
        this.fail(err);
        return null;
      }
      if (isEmptyChange(change)) return change;
      try {
        const stored = await this.project.history.do(change);
        this.remote.stored(stored.forward);
        this.mirror(stored, { status: stored.label, error: null, ...this.historyState() });
        return stored;
      } catch (err) {
        this.fail(err);
        return null;
      }
    });
  }

  undo(): Promise<void> {
    return this.serial(async () => {
      try {
        if (this.refuseOverwritingOthers('undo')) return;
        const applied = await this.project.history.undo();
        if (!applied) return;
        this.remote.stored(applied.forward);
        this.mirror(applied, { status: `Undone: ${applied.label}`, error: null, ...this.historyState() });
      } catch (err) {
        this.fail(err);
      }
    });
  }

  redo(): Promise<void> {
    return this.serial(async () => {
      try {
        if (this.refuseOverwritingOthers('redo')) return;
        const applied = await this.project.history.redo();
        if (!applied) return;
        this.remote.stored(applied.forward);
        this.mirror(applied, { status: `Redone: ${applied.label}`, error: null, ...this.historyState() });
      } catch (err) {
        this.fail(err);
      }
    });
  }

  /**
   * Writes back the re-anchored offsets of a document whose text changed since it was coded,
   * so stored rows match the text again. Maintenance, not an action: Undo and Redo are left
   * as they were, and a failure is only logged (the placements stay right in memory).
   */
  reanchor(documentId: string, text: string, documentHash: string): Promise<void> {
    return this.serial(async () => {
      await this.loadDocumentSegments(documentId);
      const { stale } = this.placements.place(documentId, this.snapshot.segments.inDocument(documentId), text, documentHash);
      if (stale.length === 0) return;
      const change = rebaseSegments(stale, text, documentHash, defaultContext());
      try {
        await this.project.repo.applyPatch(change.forward, change.label);
        this.mirror(change, {});
      } catch (err) {
        console.error('Re-anchored offsets could not be stored', err);
      }
    });
  }

  /**
   * Imported documents whose text the project file had lost, whole again (the same file added
   * again): stored under their own ids, with their codings and memo. Maintenance, not an action:
   * Undo is left as it was — undoing it could only take the text away again. Resolves false
   * when they could not be stored (the message is then in `snapshot.error`).
   */
  restoreDocuments(documents: readonly ImportedDocument[]): Promise<boolean> {
    return this.serial(async () => {
      const forward = emptyPatch();
      for (const document of documents) forward.documents[document.id] = document;
      const label = documents.length === 1 ? `Restore the text of “${documents[0]!.title}”` : `Restore the texts of ${documents.length} documents`;
      try {
        await this.project.repo.applyPatch(forward, label);
        this.mirror({ label, forward, backward: emptyPatch() }, { status: label, error: null });
        return true;
      } catch (err) {
        this.fail(err);
        return false;
      }
    });
  }

  async saveSettings(settings: Settings): Promise<void> {
    try {
      await this.project.repo.saveSettings(settings);
      this.update({ settings, error: null });
    } catch (err) {
      this.fail(err);
    }
  }

  dismissError(): void {
    this.update({ error: null });
  }

  /**
   * Another window of this project stored a change (project/fileSync/tabSync.ts): it is in the
   * database already; show it. It never joins this window's Undo list, and Undo here will not
   * overwrite it (RemoteChanges).
   */
  mirrorRemote(change: Pick<Change, 'label' | 'forward'>): Promise<void> {
    return this.serial(async () => {
      this.remote.arrived(change.forward);
      this.mirror({ ...change, backward: { ...emptyPatch(), segments: heldSegments(this.snapshot.segments, change.forward.segments ?? {}) } }, {});
    });
  }

  /** Another window saved the settings. */
  mirrorRemoteSettings(settings: Settings): void {
    this.update({ settings });
  }

  /** Undo/Redo of a change whose rows another window wrote since would overwrite that work: refused, and dropped from the list. */
  private refuseOverwritingOthers(which: 'undo' | 'redo'): boolean {
    const history = this.project.history;
    const next = which === 'undo' ? history.nextUndo : history.nextRedo;
    if (!next) return false;
    const [written, reverse] = which === 'undo' ? [next.forward, next.backward] : [next.backward, next.forward];
    if (!this.remote.overwritesOthers(written, reverse)) return false;
    history.discard(which);
    const verb = which === 'undo' ? 'undone' : 'redone';
    this.update({
      error: `“${next.label}” cannot be ${verb}: another window changed the same passages or codes since. It was taken off the ${which === 'undo' ? 'Undo' : 'Redo'} list, so the other window's work stays.`,
      ...this.historyState(),
    });
    return true;
  }

  private mirror(change: Change, partial: Partial<ProjectSnapshot>): void {
    this.changesWhileReading?.push(change);
    const tables = applyChangeToTables(this.snapshot, change);
    this.update({ ...tables, ...partial });
  }

  private serial<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    // A failed call must not block the ones queued behind it.
    this.queue = result.catch(() => undefined);
    return result;
  }

  private fail(err: unknown): void {
    const message =
      err instanceof StorageError
        ? err.userMessage
        : err instanceof DomainError
          ? err.message
          : `Something went wrong: ${errorMessage(err)}`;
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
