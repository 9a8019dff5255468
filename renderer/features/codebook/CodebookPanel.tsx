/**
 * The "Codebook" region: the code tree with colour, name, segment count and shortcut, a filter
 * box, a field to add codes, and the editor of the selected code.
 */
import { useMemo, useState } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { createCode } from '../../domain/codebook';
import { flattenTree, ancestry, codesById } from '../../domain/codeTree';
import type { Segment } from '../../domain/model';
import { CodeEditor } from './CodeEditor';
import { CodedSegments } from './CodedSegments';

interface Props {
  documentTitles: ReadonlyMap<string, string>;
  documentOrder: readonly string[];
  onRevealSegment: (segment: Segment) => void;
}

export function CodebookPanel({ documentTitles, documentOrder, onRevealSegment }: Props) {
  const { store } = useServices();
  const { codes, segments, segmentsLoaded } = useProject();
  const [filter, setFilter] = useState('');
  const [newName, setNewName] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const counts = segments.codeCounts;

  const rows = useMemo(() => {
    const tree = flattenTree(codes);
    const q = filter.trim().toLocaleLowerCase();
    if (!q) return tree;
    // Keep matches and their ancestors, so a match is shown where it lives in the tree.
    const byId = codesById(codes);
    const keep = new Set<string>();
    for (const { code } of tree) {
      if (code.name.toLocaleLowerCase().includes(q) || code.description.toLocaleLowerCase().includes(q)) {
        for (const a of ancestry(byId, code.id)) keep.add(a.id);
      }
    }
    return tree.filter((r) => keep.has(r.code.id));
  }, [codes, filter]);

  const selected = codes.find((c) => c.id === selectedId) ?? null;

  const add = async () => {
    const name = newName.trim();
    if (!name) return;
    let id: string | null = null;
    const parentId = selected?.id ?? null;
    const ok = await store.act((ctx, state) => {
      const r = createCode(state.codes, { name, parentId }, ctx);
      id = r.code.id;
      return r.change;
    });
    if (ok) {
      setNewName('');
      setSelectedId(id);
    }
  };

  return (
    <section aria-label="Codebook" className="codebook">
      <h2 className="pane-title">Codebook</h2>
      <input
        type="search"
        aria-label="Filter codes"
        placeholder="Filter codes…"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      <ul className="code-tree" aria-label="Codes">
        {rows.map(({ code, depth }) => (
          <li key={code.id} style={{ paddingInlineStart: `${depth * 1.1}rem` }}>
            <button
              type="button"
              className="code-row"
              aria-pressed={code.id === selectedId}
              aria-label={code.name}
              aria-describedby={`code-meta-${code.id}`}
              title={code.description || code.name}
              onClick={() => setSelectedId(code.id === selectedId ? null : code.id)}
            >
              <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
              <span className="code-name">{code.name}</span>
              <span id={`code-meta-${code.id}`} className="code-meta">
                {segmentsLoaded ? (
                  <span className="count" aria-label={`${counts.get(code.id) ?? 0} segments`}>
                    {counts.get(code.id) ?? 0}
                  </span>
                ) : (
                  // Until every segment is read (large projects), a count would be too low.
                  <span className="count" aria-label="segments being counted">
                    …
                  </span>
                )}
                {code.shortcut ? <kbd aria-label={`shortcut ${code.shortcut}`}>{code.shortcut}</kbd> : null}
              </span>
            </button>
          </li>
        ))}
        {rows.length === 0 && <li className="empty">{codes.length ? 'No code matches the filter.' : 'No codes yet.'}</li>}
      </ul>
      <form
        className="new-code"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <input
          aria-label="New code name"
          placeholder={selected ? `New code under ${selected.name}…` : 'New code…'}
          value={newName}
          onChange={(e) => setNewName(e.target.value)}
        />
        <button type="submit">Add code</button>
      </form>
      {selected && (
        <CodeEditor key={selected.id} code={selected} segmentCount={counts.get(selected.id) ?? 0} onDeleted={() => setSelectedId(null)} />
      )}
      {selected && (
        <CodedSegments
          key={`list-${selected.id}`}
          code={selected}
          documentTitles={documentTitles}
          documentOrder={documentOrder}
          onReveal={onRevealSegment}
        />
      )}
    </section>
  );
}
