/** The project memo, written where the memos are read: saved as the analyst types, one undo step per burst. */
import { PROJECT_MEMO_KEY, projectMemoOf } from '../../domain/projectMemo';
import { saveTypedField, typedFieldKey, type TypedField } from '../../project/typedFields';
import { useProject, useServices } from '../../ui/ProjectContext';
import { useDebouncedSave } from '../../ui/useDebouncedSave';

const FIELD: TypedField = { kind: 'memo', documentId: PROJECT_MEMO_KEY };

export function ProjectMemoField() {
  const { store } = useServices();
  const { memos } = useProject();
  const memo = useDebouncedSave(projectMemoOf(memos)?.text ?? '', (text) => saveTypedField(store, FIELD, text), {
    rescueKey: typedFieldKey(FIELD),
  });
  return (
    <label className="project-memo">
      Project memo
      <textarea
        {...memo.fieldProps}
        rows={Math.min(8, Math.max(3, memo.draft.split('\n').length))}
        placeholder="Notes on the study as a whole: questions, decisions, where the analysis stands…"
      />
    </label>
  );
}
