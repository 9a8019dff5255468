/**
 * The order in which a project is read at start-up. The window shows as soon as codes, memos
 * and settings are in; the coded segments (seconds of main-thread work in a project of
 * 100,000) are read once the document list has painted, the open document's own first (a
 * quick indexed read), so it shows its highlights and can be coded at once.
 */
import type { ProjectStore } from '../projectStore';

/** Reads the open document's segments, then all of them. Call once the window has painted. */
export function readSegments(store: ProjectStore, openDocumentId: string | null): Promise<void> {
  const first = openDocumentId ? store.loadDocumentSegments(openDocumentId) : Promise.resolve();
  return first.then(() => store.loadSegments());
}
