/**
 * Every field saved as you type that is on screen, so leaving the page loses none of them.
 *
 * Leaving (a reload, closing the tab or the window) does not unmount React, so the fields' own
 * "flush on unmount" never runs. Three layers, each covering what the one before cannot:
 *  1. `visibilitychange` to hidden and `pagehide` store every pending draft (a tab being hidden
 *     is often the last moment the page runs normally).
 *  2. `pagehide` also writes the pending drafts to localStorage, synchronously. A save started
 *     while the page is being torn down goes through IndexedDB and the journal, both
 *     asynchronous: the browser may drop it half way. localStorage is written before the
 *     handler returns, so the typing survives; the next start stores it (`takeRescuedTyping`).
 *     This is what makes a reload right after typing safe.
 *  3. While typing is unsaved, `beforeunload` asks the browser to confirm leaving (the standard
 *     prompt; in Electron main turns it into a native dialog, main/leaveGuard.ts).
 */
/** What the guards need of a field's typing: DebouncedDraft has it all; a field stored on blur (a code's name) too. */
export interface Typing {
  readonly value: string;
  /** Typed and not stored yet, or its save on its way. */
  readonly unsaved: boolean;
  flush(): void;
  /** Ctrl+Z / Ctrl+Shift+Z on the unsaved typing; false when the field leaves them to the project. */
  revert(): boolean;
  restore(): boolean;
}

export interface TypingField {
  draft: Typing;
  /** Names the field for a later start (`typedFields.ts` keys); null: not rescued across reloads. */
  rescueKey: string | null;
}

const RESCUE_STORAGE_KEY = 'marginalia.unsavedTyping';
const live = new Set<TypingField>();

/** Typing kept for a later start, with the project it was typed in (null: the window's project, in a host without project files). */
export interface RescuedTyping {
  project: string | null;
  key: string;
  text: string;
}

/** Adds a field; returns its removal. */
export function registerTypingField(field: TypingField): () => void {
  live.add(field);
  return () => live.delete(field);
}

export function hasUnsavedTyping(): boolean {
  return [...live].some((field) => field.draft.unsaved);
}

export function flushAllTyping(): void {
  for (const field of live) field.draft.flush();
}

/** Ctrl+Z: the typing not stored yet goes back to the stored text. False when there was none. */
export function revertUnsavedTyping(): boolean {
  let reverted = false;
  for (const field of live) reverted = field.draft.revert() || reverted;
  return reverted;
}

/** Ctrl+Shift+Z / Ctrl+Y after `revertUnsavedTyping`. False when nothing was reverted. */
export function restoreRevertedTyping(): boolean {
  let restored = false;
  for (const field of live) restored = field.draft.restore() || restored;
  return restored;
}

/** Writes the unsaved drafts where the next start finds them (synchronous: safe while the page goes away). */
export function rescueUnsavedTyping(storage: Storage, project: string | null): void {
  rescueTyping(
    storage,
    [...live]
      .filter((field) => field.rescueKey !== null && field.draft.unsaved)
      .map((field) => ({ project, key: field.rescueKey as string, text: field.draft.value })),
  );
}

/** Keeps typing for a later start (synchronous). */
export function rescueTyping(storage: Storage, rescued: readonly RescuedTyping[]): void {
  if (rescued.length === 0) return;
  const same = (a: RescuedTyping, b: RescuedTyping) => a.project === b.project && a.key === b.key;
  try {
    // Another window, or another project, may have left typing there too: it is kept; ours is newer.
    const others = readRescued(storage).filter((r) => !rescued.some((mine) => same(mine, r)));
    storage.setItem(RESCUE_STORAGE_KEY, JSON.stringify([...others, ...rescued]));
  } catch {
    // storage full or disabled: the flush and the leave prompt remain
  }
}

/**
 * The typing rescued in `project` when a page was last left, removed from storage. Typing of
 * another project (the page reloaded onto a different one) waits there until it is opened again.
 */
export function takeRescuedTyping(storage: Storage, project: string | null): RescuedTyping[] {
  const all = readRescued(storage);
  const mine = all.filter((r) => r.project === project);
  const others = all.filter((r) => r.project !== project);
  try {
    if (others.length > 0) storage.setItem(RESCUE_STORAGE_KEY, JSON.stringify(others));
    else storage.removeItem(RESCUE_STORAGE_KEY);
  } catch {
    // disabled storage: nothing was rescued there either
  }
  return mine;
}

function readRescued(storage: Storage): RescuedTyping[] {
  try {
    const raw = storage.getItem(RESCUE_STORAGE_KEY);
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    return Array.isArray(parsed)
      ? parsed.filter(
          (r): r is RescuedTyping =>
            (typeof r?.project === 'string' || r?.project === null) && typeof r?.key === 'string' && typeof r?.text === 'string',
        )
      : [];
  } catch {
    return [];
  }
}

/** Installs the leave guards on the window; returns their removal. `project`: the project open now. */
export function guardLeaving(win: Window, project: () => string | null): () => void {
  const onHidden = () => {
    if (win.document.visibilityState === 'hidden') flushAllTyping();
  };
  const onPageHide = () => {
    rescueUnsavedTyping(win.localStorage, project());
    flushAllTyping();
  };
  const onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (!hasUnsavedTyping()) return;
    flushAllTyping();
    event.preventDefault();
    event.returnValue = ''; // older Chromium (Electron) asks only when returnValue is set
  };
  // Back from the back/forward cache: the page never went away and its fields stored their
  // typing, so the rescued copy is stale and must not overwrite later edits at the next start.
  const onPageShow = (event: PageTransitionEvent) => {
    if (event.persisted) takeRescuedTyping(win.localStorage, project());
  };
  win.document.addEventListener('visibilitychange', onHidden);
  win.addEventListener('pagehide', onPageHide);
  win.addEventListener('pageshow', onPageShow);
  win.addEventListener('beforeunload', onBeforeUnload);
  return () => {
    win.document.removeEventListener('visibilitychange', onHidden);
    win.removeEventListener('pagehide', onPageHide);
    win.removeEventListener('pageshow', onPageShow);
    win.removeEventListener('beforeunload', onBeforeUnload);
  };
}
