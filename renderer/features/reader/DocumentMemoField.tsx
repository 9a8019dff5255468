/** The memo of the open document, saved as the analyst types (undoable). */
import { useProject, useServices } from '../../ui/ProjectContext';
import { setDocumentMemo } from '../../domain/segments';
import { useDebouncedSave } from '../../ui/useDebouncedSave';

export function DocumentMemoField({ documentId }: { documentId: string }) {
  const { store } = useServices();
  const { memos } = useProject();
  const existing = memos.find((m) => m.documentId === documentId) ?? null;
  const { draft, onChange, flush } = useDebouncedSave(existing?.text ?? '', (text) => {
    return store.act(
      (ctx, state) => setDocumentMemo(state.memos.find((m) => m.documentId === documentId) ?? null, documentId, text, ctx),
      { documentId },
    );
  });
  return (
    <label className="doc-memo">
      Document memo
      <textarea
        value={draft}
        rows={draft.includes('\n') || draft.length > 80 ? 4 : 1}
        placeholder="Notes on this document…"
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
      />
    </label>
  );
}
