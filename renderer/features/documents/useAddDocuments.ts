/**
 * Adding documents from the button, the File menu (Electron) or files dropped on the Documents
 * list: the files are read, then the job converts and stores them while the dialog shows
 * progress, offers Cancel and lists each file's result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { base64ToBytes } from '../../../common/bytes';
import { DOCUMENT_FILE_EXTENSIONS } from '../../formats/registry';
import { addDocumentFiles, type ChosenFile, type FileResult } from '../../project/jobs/addDocuments';
import { useServices } from '../../ui/ProjectContext';
import type { ReadableDocument, UnavailableDocument } from '../../ui/useCorpus';
import { errorMessage } from '../../../common/errorMessage';

export interface AddingState {
  total: number;
  done: number;
  current: string | null;
  results: FileResult[];
  /** null while running. */
  finished: 'done' | 'cancelled' | null;
}

/**
 * Another place asking for Add documents (the empty project's button in the reader): the Documents
 * list answers, so there is one dialog, and it stays open with its report when the list changes.
 */
const requests = new EventTarget();
export const requestAddDocuments = () => requests.dispatchEvent(new Event('add-documents'));

export function useAddDocuments(documents: readonly ReadableDocument[], unavailable: readonly UnavailableDocument[] = []) {
  const { api, store } = useServices();
  const [adding, setAdding] = useState<AddingState | null>(null);
  const cancelRef = useRef(false);
  const listed = useRef(documents);
  listed.current = documents;
  const lost = useRef(unavailable);
  lost.current = unavailable;

  const run = useCallback(
    async (files: ChosenFile[]) => {
      if (files.length === 0) return;
      cancelRef.current = false;
      setAdding({ total: files.length, done: 0, current: null, results: [], finished: null });
      const outcome = await addDocumentFiles(store, files, {
        existing: listed.current,
        unavailable: lost.current,
        cancelled: () => cancelRef.current,
        onProgress: (done, total, current) => setAdding((a) => a && { ...a, done, total, current }),
      });
      setAdding((a) => a && { ...a, results: outcome.results, finished: outcome.cancelled ? 'cancelled' : 'done', current: null });
    },
    [store],
  );

  const choose = useCallback(async () => {
    let chosen: Awaited<ReturnType<typeof api.openDocuments>>;
    try {
      chosen = await api.openDocuments({ title: 'Add documents', extensions: [...DOCUMENT_FILE_EXTENSIONS] });
    } catch (err) {
      // The chooser itself failed: say so in the dialog rather than do nothing.
      const reason = errorMessage(err);
      setAdding({ total: 0, done: 0, current: null, results: [{ name: 'The files', status: 'refused', reason }], finished: 'done' });
      return;
    }
    if (!chosen) return;
    await run(chosen.map((f) => ('error' in f ? f : { name: f.name, bytes: base64ToBytes(f.base64) })));
  }, [api, run]);

  const drop = useCallback(
    async (files: readonly File[]) => {
      const read = await Promise.all(
        files.map(async (file): Promise<ChosenFile> => {
          try {
            return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
          } catch (err) {
            return { name: file.name, error: errorMessage(err) };
          }
        }),
      );
      await run(read);
    },
    [run],
  );

  // The desktop app's File menu → Add documents….
  useEffect(() => api.onMenuCommand((command) => command === 'add-documents' && void choose()), [api, choose]);
  useEffect(() => {
    const answer = () => void choose();
    requests.addEventListener('add-documents', answer);
    return () => requests.removeEventListener('add-documents', answer);
  }, [choose]);

  const cancel = useCallback(() => {
    cancelRef.current = true;
  }, []);
  const close = useCallback(() => setAdding(null), []);
  return { adding, choose, drop, cancel, close };
}
