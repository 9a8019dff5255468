/**
 * Edits the selected code: rename, recolour, describe, shortcut, move, merge, delete. Every
 * edit is stored as it is made, like the memos: the description as the analyst types (one undo
 * step per burst), the name when the field is left or Enter pressed — a name that cannot be
 * taken (a sibling has it) stays in the field with the reason, never silently dropped.
 */
import { plural } from '../../../common/plural';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { deleteCode, mergeCodes, moveCode, updateCode } from '../../domain/codebook';
import { defaultContext } from '../../domain/context';
import { saveTypedField, typedFieldKey, type TypedField } from '../../project/typedFields';
import { useDebouncedSave } from '../../ui/useDebouncedSave';
import { registerTypingField } from '../../ui/unsavedTyping';
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
  const name = useCodeName(code);
  const descriptionField: TypedField = { kind: 'codeDescription', codeId: code.id };
  const description = useDebouncedSave(code.description, (text) => saveTypedField(store, descriptionField, text), {
    rescueKey: typedFieldKey(descriptionField),
    storedForm: (draft) => draft.trim(), // stored trimmed: the space being typed stays in the field
  });
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
    <form className="code-editor" aria-label={`Edit code ${code.name}`} onSubmit={(e) => e.preventDefault()}>
      <h3>{codePath(byId, code.id)}</h3>
      <label>
        Name
        <input
          value={name.value}
          onChange={(e) => name.edit(e.target.value)}
          onBlur={name.commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              name.commit();
            } else if (e.key === 'Escape' && name.value !== code.name) {
              e.stopPropagation();
              name.edit(code.name);
            }
          }}
          aria-invalid={name.problem !== null}
          aria-describedby={name.problem === null ? undefined : `code-name-problem-${code.id}`}
          required
        />
      </label>
      {name.problem !== null && (
        <p id={`code-name-problem-${code.id}`} className="error" role="alert">
          {name.problem} — the name is not saved yet.
        </p>
      )}
      <label>
        Description
        <textarea {...description.fieldProps} rows={3} />
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
          message={`${plural(segmentCount, 'segment loses', 'segments lose')} this code; segments left with no code are removed; sub-codes move up. You can undo this.`}
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

/**
 * The name field: stored when left (blur, Enter, the editor closing), checked first so a name
 * the codebook refuses stays in the field with the reason. Follows renames made elsewhere
 * (undo) while the analyst has not changed it.
 */
function useCodeName(code: Code) {
  const { store } = useServices();
  const { codes } = useProject();
  const [value, setValue] = useState(code.name);
  const [problem, setProblem] = useState<string | null>(null);
  const stored = useRef(code.name);
  useEffect(() => {
    setValue((shown) => (shown === stored.current ? code.name : shown));
    stored.current = code.name;
  }, [code.name]);

  const commit = () => {
    if (value.trim() === code.name) {
      setProblem(null);
      return;
    }
    try {
      updateCode(codes, code.id, { name: value }, defaultContext()); // the codebook's own check, nothing stored
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
      return;
    }
    setProblem(null);
    void store.act((ctx, state) => updateCode(state.codes, code.id, { name: value }, ctx));
  };
  // A name typed but not committed when the editor closes (another code selected) or the page
  // is left (reload, closing: the leave guards ask first) is stored if it can be.
  const latest = useRef({ commit, unsaved: false, value });
  latest.current = { commit, unsaved: value.trim() !== code.name, value };
  useEffect(() => () => latest.current.commit(), []);
  useEffect(
    () =>
      registerTypingField({
        draft: {
          get value() {
            return latest.current.value;
          },
          get unsaved() {
            return latest.current.unsaved;
          },
          flush: () => latest.current.commit(),
          revert: () => false, // a name field keeps the browser's own undo
          restore: () => false,
        },
        rescueKey: null,
      }),
    [],
  );

  const edit = (next: string) => {
    setValue(next);
    setProblem(null);
  };
  return { value, problem, edit, commit };
}
