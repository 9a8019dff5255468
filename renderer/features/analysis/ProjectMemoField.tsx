/** The project memo, written where the memos are read: saved as the analyst types, one undo step per burst. */
import { projectMemoOf, setProjectMemo } from '../../domain/projectMemo';
import { useProject, useServices } from '../../ui/ProjectContext';
import { useDebouncedSave } from '../../ui/useDebouncedSave';

export function ProjectMemoField() {
  const { store } = useServices();
  const { memos } = useProject();
  const { draft, onChange, flush } = useDebouncedSave(projectMemoOf(memos)?.text ?? '', (text) => {
    return store.act((ctx, state) => setProjectMemo(projectMemoOf(state.memos), text, ctx));
  });
  return (
    <label className="project-memo">
      Project memo
      <textarea
        value={draft}
        rows={Math.min(8, Math.max(3, draft.split('\n').length))}
        placeholder="Notes on the study as a whole: questions, decisions, where the analysis stands…"
        onChange={(e) => onChange(e.target.value)}
        onBlur={flush}
      />
    </label>
  );
}
