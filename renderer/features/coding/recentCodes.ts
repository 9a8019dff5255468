/**
 * The codes the analyst applied most recently, newest first, so the coding popup can offer
 * them first and a key can apply the last one again. Remembered in localStorage (a reading
 * preference, like a window size: not project data, not on Undo).
 */
import { useSyncExternalStore } from 'react';

const KEY = 'marginalia.recentCodes';
const KEPT = 8;

function load(): readonly string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((id): id is string => typeof id === 'string').slice(0, KEPT) : [];
  } catch {
    return []; // no storage (private window) or a damaged entry: start afresh
  }
}

let recent: readonly string[] = load();
const listeners = new Set<() => void>();

/** Records that `codeId` was just applied. */
export function noteApplied(codeId: string): void {
  if (recent[0] === codeId) return;
  recent = [codeId, ...recent.filter((id) => id !== codeId)].slice(0, KEPT);
  try {
    localStorage.setItem(KEY, JSON.stringify(recent));
  } catch {
    // Storage full or denied: the list still holds for this session.
  }
  for (const listener of listeners) listener();
}

export function recentCodeIds(): readonly string[] {
  return recent;
}

export function useRecentCodeIds(): readonly string[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recentCodeIds,
  );
}
