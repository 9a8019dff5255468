/**
 * The "Codebook" region: a filter box, the code tree (CodeTree.tsx), the field to add codes,
 * and — for the selected code — its details (editor and the passages coded with it) in a
 * section of their own below the tree, which scrolls apart and can be closed. The tree keeps
 * the larger share of the column (styles.css), so a long codebook stays usable while a code's
 * details or the Segment panel are open.
 */
import { useMemo, useState } from 'react';
import { z } from 'zod';
import { useStoredState } from '../../ui/useStoredState';
import { useProject } from '../../ui/ProjectContext';
import { rollUpCounts } from '../../domain/codeCounts';
import { codeCountsFor } from '../../domain/coderFilter';
import { useCoderFilter } from '../../ui/useCoderFilter';
import type { Segment } from '../../domain/model';
import { CodeEditor } from './CodeEditor';
import { CodedSegments } from './CodedSegments';
import { CodeTree } from './CodeTree';
import { NewCodeForm } from './NewCodeForm';
import { treeRows } from './treeRows';
import { useCollapsedCodes } from './useCollapsedCodes';

interface Props {
  documentTitles: ReadonlyMap<string, string>;
  documentOrder: readonly string[];
  onRevealSegment: (segment: Segment) => void;
}

export function CodebookPanel({ documentTitles, documentOrder, onRevealSegment }: Props) {
  const { codes, segments, segmentsLoaded } = useProject();
  const [filter, setFilter] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const { collapsed, setExpanded } = useCollapsedCodes();
  const [detailsOpen, setDetailsOpen] = useStoredState('marginalia.codeDetailsOpen', z.boolean(), true);

  const rows = useMemo(() => treeRows(codes, collapsed, filter), [codes, collapsed, filter]);
  const { accepts } = useCoderFilter();
  const counts = useMemo(() => (segmentsLoaded ? rollUpCounts(codes, codeCountsFor(segments, accepts)) : null), [codes, segments, segmentsLoaded, accepts]);
  const selected = codes.find((c) => c.id === selectedId) ?? null;

  return (
    <section aria-label="Codebook" className="codebook">
      <div className="codebook-head">
        <h2 className="pane-title">Codebook</h2>
        <input
          type="search"
          aria-label="Filter codes"
          placeholder="Filter codes…"
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      </div>
      <div className="codebook-tree">
        {rows.length > 0 ? (
          <CodeTree rows={rows} counts={counts} selectedId={selectedId} onSelect={setSelectedId} setExpanded={setExpanded} />
        ) : (
          <p className="empty">{codes.length ? 'No code matches the filter.' : 'No codes yet.'}</p>
        )}
        <p id="code-tree-keys" hidden>
          Arrows move between codes and open or close them; Enter selects, Escape deselects. Alt with Up or Down reorders a code, Alt with
          Right puts it under the code above, Alt with Left moves it out. Codes can also be dragged: onto a code to put
          them under it, between codes to reorder.
        </p>
      </div>
      <NewCodeForm
        selected={selected}
        onCreated={(id, parentId) => {
          if (parentId && collapsed.has(parentId)) setExpanded([parentId], true);
          setSelectedId(id);
        }}
      />
      {selected && (
        <div className="codebook-details" data-open={detailsOpen || undefined}>
          <button
            type="button"
            className="codebook-details-toggle"
            aria-expanded={detailsOpen}
            aria-controls="code-details"
            onClick={() => setDetailsOpen((open) => !open)}
          >
            Details of {selected.name}
          </button>
          <div id="code-details" className="codebook-details-body" hidden={!detailsOpen}>
            <CodeEditor
              key={selected.id}
              code={selected}
              segmentCount={segments.codeCounts.get(selected.id) ?? 0}
              onDeleted={() => setSelectedId(null)}
            />
            <CodedSegments
              key={`list-${selected.id}`}
              code={selected}
              documentTitles={documentTitles}
              documentOrder={documentOrder}
              onReveal={onRevealSegment}
            />
          </div>
        </div>
      )}
    </section>
  );
}
