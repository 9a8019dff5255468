/** The memo of the open document, saved as the analyst types (undoable, one step per burst). */
import { useProject, useServices } from '../../ui/ProjectContext';
import { saveTypedField, typedFieldKey, type TypedField } from '../../project/typedFields';
import { useDebouncedSave } from '../../ui/useDebouncedSave';

export function DocumentMemoField({ documentId }: { documentId: string }) {
  const { store } = useServices();
  const { memos } = useProject();
  const existing = memos.find((m) => m.documentId === documentId) ?? null;
  const field: TypedField = { kind: 'memo', documentId };
  const memo = useDebouncedSave(existing?.text ?? '', (text) => saveTypedField(store, field, text), { rescueKey: typedFieldKey(field) });
  return (
    <label className="doc-memo">
      Document memo
      <textarea
        {...memo.fieldProps}
        rows={memo.draft.includes('\n') || memo.draft.length > 80 ? 4 : 1}
        placeholder="Notes on this document…"
      />
    </label>
  );
}
