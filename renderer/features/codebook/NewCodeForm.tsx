/**
 * Adding codes. With no code selected: a top-level code. With one selected, two explicit
 * choices — beside it ("Add sibling", also what Enter does) or under it ("Add sub-code") —
 * so adding several codes in a row never nests each under the one before.
 */
import { useState } from 'react';
import { useServices } from '../../ui/ProjectContext';
import { createCode } from '../../domain/codebook';
import type { Code } from '../../domain/model';

interface Props {
  selected: Code | null;
  /** The code was stored: select it (its parent is opened so it shows). */
  onCreated: (id: string, parentId: string | null) => void;
}

type Place = 'sibling' | 'child';

export function NewCodeForm({ selected, onCreated }: Props) {
  const { store } = useServices();
  const [name, setName] = useState('');

  const add = async (place: Place) => {
    const wanted = name.trim();
    if (!wanted) return;
    const selectedId = selected?.id ?? null;
    let created: Code | null = null;
    const ok = await store.act((ctx, state) => {
      // The selected code as stored now: it may have moved since this form rendered.
      const anchor = state.codes.find((c) => c.id === selectedId) ?? null;
      const parentId = place === 'child' ? (anchor?.id ?? null) : (anchor?.parentId ?? null);
      const result = createCode(state.codes, { name: wanted, parentId }, ctx);
      created = result.code;
      return result.change;
    });
    const code = created as Code | null;
    if (ok && code) {
      setName('');
      onCreated(code.id, code.parentId);
    }
  };

  return (
    <form
      className="new-code"
      onSubmit={(e) => {
        e.preventDefault();
        const submitter = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        void add(submitter?.value === 'child' ? 'child' : 'sibling');
      }}
    >
      <input
        aria-label="New code name"
        placeholder={selected ? `New code beside or under ${selected.name}…` : 'New code…'}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      {selected ? (
        <>
          <button type="submit" value="sibling" title={`Add the new code beside “${selected.name}”`}>
            Add sibling
          </button>
          <button type="submit" value="child" title={`Add the new code under “${selected.name}”`}>
            Add sub-code
          </button>
        </>
      ) : (
        <button type="submit" value="sibling">
          Add code
        </button>
      )}
    </form>
  );
}
