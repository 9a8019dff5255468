/** The coding keys beside digits 1–9, shared by the text's shortcuts and the popup. */

/** As aria-keyshortcuts writes them: "." applies the last-used code again (as "." repeats in vi); Ctrl+I codes in vivo. */
export const CODING_KEYS = { repeat: '.', inVivo: 'Control+I' } as const;

/** Ctrl+I, or Cmd+I on a Mac. */
export const isInVivoKey = (e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; shiftKey: boolean }) =>
  (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'i';
