/** Edits the selected code: rename, recolour, describe, shortcut, move, merge, delete. */
import { useMemo, useState } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { deleteCode, mergeCodes, moveCode, updateCode } from '../../domain/codebook';
import { codePath, codesById, descendantIds, flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ManyOptionsSelect } from '../../ui/ManyOptionsSelect';

interface Props {
  code: Code;
  segmentCount: number;
  onDeleted: () => void;
}

export function CodeEditor({ code, segmentCount, onDeleted }: Props) {
  const { store } = useServices();
  const { codes, segments, segmentsLoaded } = useProject();
  const [name, setName] = useState(code.name);
  const [description, setDescription] = useState(code.description);
  const [mergeTarget, setMergeTarget] = useState('');
  const [confirming, setConfirming] = useState<'delete' | 'merge' | null>(null);

  const byId = useMemo(() => codesById(codes), [codes]);
  const others = useMemo(() => {
    const below = descendantIds(codes, code.id);
    return flattenTree(codes)
      .map((r) => r.code)
      .filter((c) => c.id !== code.id && !below.has(c.id));
  }, [codes, code.id]);

  // The codes this one may move under or merge into, named by their full path.
  const choices = useMemo(() => others.map((c) => ({ id: c.id, label: codePath(byId, c.id) })), [others, byId]);

  const save = (edit: Parameters<typeof updateCode>[2]) => store.act((ctx, state) => updateCode(state.codes, code.id, edit, ctx));

  const target = codes.find((c) => c.id === mergeTarget);

  return (
    <form
      className="code-editor"
      aria-label={`Edit code ${code.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save({ name, description });
      }}
    >
      <h3>{codePath(byId, code.id)}</h3>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Description
        <textarea value={description} rows={3} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <div className="row">
        <label>
          Colour
          <input type="color" value={code.colour} onChange={(e) => void save({ colour: e.target.value })} />
        </label>
        <label>
          Shortcut
          <select
            value={code.shortcut ?? ''}
            onChange={(e) => void save({ shortcut: e.target.value ? Number(e.target.value) : null })}
          >
            <option value="">None</option>
            {[1, 2, 3, 4, 5, 6, 7, 8, 9].map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        Parent
        <ManyOptionsSelect
          value={code.parentId ?? ''}
          onChange={(value) => {
            const parentId = value || null;
            void store.act((ctx, state) => moveCode(state.codes, code.id, parentId, ctx));
          }}
          choices={choices}
          leading={<option value="">(top level)</option>}
        />
      </label>
      <div className="row">
        <button type="submit">Save code</button>
        <button type="button" className="danger" disabled={!segmentsLoaded} onClick={() => setConfirming('delete')}>
          Delete code
        </button>
      </div>
      <div className="row">
        <label>
          Merge into
          <ManyOptionsSelect value={mergeTarget} onChange={setMergeTarget} choices={choices} leading={<option value="">Choose a code…</option>} />
        </label>
        <button type="button" disabled={!target || !segmentsLoaded} onClick={() => setConfirming('merge')}>
          Merge
        </button>
      </div>
      {confirming === 'delete' && (
        <ConfirmDialog
          title={`Delete code “${code.name}”?`}
          message={`${segmentCount} segment${segmentCount === 1 ? '' : 's'} lose this code; segments left with no code are removed; sub-codes move up. You can undo this.`}
          confirmLabel="Delete"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void store.act((ctx, state) => deleteCode(state.codes, state.segments.all(), code.id, ctx, state.savedSearches)).then((ok) => ok && onDeleted());
          }}
        />
      )}
      {confirming === 'merge' && target && (
        <ConfirmDialog
          title={`Merge “${code.name}” into “${target.name}”?`}
          message={`Its ${segmentCount} segment${segmentCount === 1 ? '' : 's'} and sub-codes move to “${target.name}” and “${code.name}” is removed. You can undo this.`}
          confirmLabel="Merge"
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void store.act((ctx, state) => mergeCodes(state.codes, state.segments.all(), code.id, target.id, ctx, state.savedSearches)).then((ok) => ok && onDeleted());
          }}
        />
      )}
    </form>
  );
}
