/**
 * "Saved as you type", outside React: the draft the analyst is typing, stored after a pause
 * (or on flush), following the stored value when it changes from elsewhere (undo, another
 * window) — but only while idle. While a save is on its way (a slow disk, a busy store) the
 * stored value the window hears is an older draft of the analyst's own, and taking it would
 * put back text they have already typed past.
 *
 * The typing not stored yet is one undo step: `revert` puts the stored text back, `restore`
 * brings the reverted typing back (Ctrl+Z / Ctrl+Shift+Z in the field, like the header's Undo).
 */
export interface DraftTimers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const browserTimers: DraftTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface DraftOptions {
  delayMs?: number;
  timers?: DraftTimers;
  /** What the store keeps of a draft (a code's description is stored trimmed): a draft whose stored form is the stored value is no change. */
  storedForm?: (draft: string) => string;
}

export class DebouncedDraft {
  private timer: unknown = null;
  private saving = 0;
  private reverted: string | null = null;
  private readonly delayMs: number;
  private readonly timers: DraftTimers;
  private readonly storedForm: (draft: string) => string;

  constructor(
    private draft: string,
    private stored: string,
    /** Stores a value; a promise, when it has one, says when the store is done with it. */
    private readonly save: (value: string) => unknown,
    private readonly onDraft: (draft: string) => void,
    options: DraftOptions = {},
  ) {
    this.delayMs = options.delayMs ?? 500;
    this.timers = options.timers ?? browserTimers;
    this.storedForm = options.storedForm ?? ((draft) => draft);
  }

  /** The text in the field. */
  get value(): string {
    return this.draft;
  }

  /** Typing waits to be stored, or a save of it is on its way: leaving now could lose it. */
  get unsaved(): boolean {
    return this.timer !== null || this.saving > 0;
  }

  /** The analyst typed: keep it, store it after a pause. */
  edit(value: string): void {
    this.reverted = null;
    this.draft = value;
    this.onDraft(value);
    this.cancelTimer();
    this.timer = this.timers.set(() => this.flush(), this.delayMs);
  }

  /** Store the draft now (blur, the field going away, the page being left). */
  flush(): void {
    this.cancelTimer();
    const value = this.draft;
    if (this.storedForm(value) === this.stored) return;
    this.saving++;
    void new Promise((done) => done(this.save(value)))
      .catch(() => undefined) // the store shows its own failures
      .finally(() => this.saving--);
  }

  /** Undo of the typing not stored yet: the stored text comes back. False when there is none (undo belongs to the project then). */
  revert(): boolean {
    if (this.timer === null || this.storedForm(this.draft) === this.stored) return false;
    this.cancelTimer();
    this.reverted = this.draft;
    this.draft = this.stored;
    this.onDraft(this.stored);
    return true;
  }

  /** Redo of a `revert`, while nothing was typed since. False when there is none. */
  restore(): boolean {
    const typed = this.reverted;
    if (typed === null) return false;
    this.edit(typed);
    return true;
  }

  /** The stored value changed: followed when nothing of the analyst's is waiting or on its way. */
  storedChanged(value: string): void {
    this.stored = value;
    if (this.unsaved || value === this.storedForm(this.draft)) return;
    this.draft = value;
    this.onDraft(value);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }
}
