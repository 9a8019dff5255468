/**
 * "Saved as you type", outside React: the draft the analyst is typing, stored after a pause
 * (or on flush), following the stored value when it changes from elsewhere (undo, another
 * window) — but only while idle. While a save is on its way (a slow disk, a busy store) the
 * stored value the window hears is an older draft of the analyst's own, and taking it would
 * put back text they have already typed past.
 */
export interface DraftTimers {
  set: (run: () => void, ms: number) => unknown;
  clear: (handle: unknown) => void;
}

const browserTimers: DraftTimers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class DebouncedDraft {
  private timer: unknown = null;
  private saving = 0;

  constructor(
    private draft: string,
    private stored: string,
    /** Stores a value; a promise, when it has one, says when the store is done with it. */
    private readonly save: (value: string) => unknown,
    private readonly onDraft: (draft: string) => void,
    private readonly delayMs = 500,
    private readonly timers: DraftTimers = browserTimers,
  ) {}

  /** The analyst typed: keep it, store it after a pause. */
  edit(value: string): void {
    this.draft = value;
    this.onDraft(value);
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = this.timers.set(() => this.flush(), this.delayMs);
  }

  /** Store the draft now (blur, the field going away). */
  flush(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
    const value = this.draft;
    if (value === this.stored) return;
    this.saving++;
    void new Promise((done) => done(this.save(value)))
      .catch(() => undefined) // the store shows its own failures
      .finally(() => this.saving--);
  }

  /** The stored value changed: followed when nothing of the analyst's is waiting or on its way. */
  storedChanged(value: string): void {
    this.stored = value;
    if (this.timer !== null || this.saving > 0 || value === this.draft) return;
    this.draft = value;
    this.onDraft(value);
  }

}
