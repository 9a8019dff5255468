/**
 * Session undo/redo over the repository. A stack only moves after its patch is stored, so
 * the stacks always describe what is really in the database, and calls run one after another
 * (a promise chain) so fast key presses cannot interleave transactions.
 */
import { invert, type Change, type Patch } from '../domain/change';
import { toStorageError } from '../store/errors';

export const DEFAULT_HISTORY_LIMIT = 500;

export interface PatchWriter {
  applyPatch(patch: Patch, label?: string): Promise<void>;
}

export class History {
  private undoStack: Change[] = [];
  private redoStack: Change[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly repo: PatchWriter,
    private readonly limit: number = DEFAULT_HISTORY_LIMIT,
  ) {}

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }
  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }
  /** Label of the change Undo would revert, e.g. "Apply code FTF", or null. */
  get undoLabel(): string | null {
    return this.undoStack.at(-1)?.label ?? null;
  }
  get redoLabel(): string | null {
    return this.redoStack.at(-1)?.label ?? null;
  }
  /** The change Undo would revert next (as stored: `backward` is what Undo writes), or null. */
  get nextUndo(): Change | null {
    return this.undoStack.at(-1) ?? null;
  }
  /** The change Redo would apply next (`forward` is what Redo writes), or null. */
  get nextRedo(): Change | null {
    return this.redoStack.at(-1) ?? null;
  }

  /** Takes the next Undo (or Redo) off its list unapplied: it can no longer be applied safely. */
  discard(which: 'undo' | 'redo'): void {
    (which === 'undo' ? this.undoStack : this.redoStack).pop();
  }

  /** Stores `change.forward`; on success it becomes undoable and the redo stack is cleared. Resolves to `change`. */
  do(change: Change): Promise<Change> {
    return this.serialised(async () => {
      await this.write(change.forward, change.label);
      this.undoStack.push(change);
      if (this.undoStack.length > this.limit) this.undoStack.shift();
      this.redoStack = [];
      return change;
    });
  }

  /**
   * Stores the backward patch of the last change. Resolves to the change *as applied*:
   * `forward` is the patch just written (mirror it with applyChangeToTables), `backward` redoes it.
   * Resolves to null when there is nothing to undo.
   */
  undo(): Promise<Change | null> {
    return this.serialised(async () => {
      const change = this.undoStack.at(-1);
      if (!change) return null;
      await this.write(change.backward, `Undo: ${change.label}`);
      this.undoStack.pop();
      this.redoStack.push(change);
      return invert(change);
    });
  }

  /** Stores the forward patch of the last undone change; resolves to it (`forward` = what was written), or null. */
  redo(): Promise<Change | null> {
    return this.serialised(async () => {
      const change = this.redoStack.at(-1);
      if (!change) return null;
      await this.write(change.forward, `Redo: ${change.label}`);
      this.redoStack.pop();
      this.undoStack.push(change);
      return change;
    });
  }

  private async write(patch: Patch, label: string): Promise<void> {
    try {
      await this.repo.applyPatch(patch, label);
    } catch (err) {
      throw toStorageError(err, 'save');
    }
  }

  private serialised<T>(operation: () => Promise<T>): Promise<T> {
    const result = this.queue.then(operation);
    // A failed call must not block the ones queued behind it.
    this.queue = result.catch(() => undefined);
    return result;
  }
}
