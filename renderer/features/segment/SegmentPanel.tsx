/**
 * The "Segment" region: every segment at the point the analyst activated — quote, codes
 * (add/remove), memo saved as you type, coder, dates, and "Delete segment".
 */
import { useState } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { Segment } from '../../domain/model';
import { applyCode, deleteSegment, removeCodeFromSegment, setSegmentMemo } from '../../domain/segments';
import { useDebouncedSave } from '../../ui/useDebouncedSave';

interface Props {
  segmentIds: readonly string[];
  /** The open document's text, needed to add a code to a segment's exact span. */
  text: string | null;
  onClose: () => void;
}

const formatDate = (iso: string) => new Date(iso).toLocaleString();

export function SegmentPanel({ segmentIds, text, onClose }: Props) {
  const { segments } = useProject();
  const shown = segmentIds.map((id) => segments.find(id)).filter((s): s is Segment => !!s);
  return (
    <section aria-label="Segment" className="segment-panel">
      <div className="panel-head">
        <h2 className="pane-title">Segment{shown.length > 1 ? `s here (${shown.length})` : ''}</h2>
        <button type="button" onClick={onClose} aria-label="Close segment panel">
          ×
        </button>
      </div>
      {shown.length === 0 && <p>No segment here any more.</p>}
      {shown.map((s) => (
        <SegmentCard key={s.id} segment={s} text={text} />
      ))}
    </section>
  );
}

function SegmentCard({ segment, text }: { segment: Segment; text: string | null }) {
  const { store } = useServices();
  const { codes, segments } = useProject();
  const byId = codesById(codes);
  const [adding, setAdding] = useState('');
  const memo = useDebouncedSave(segment.memo, (value) => {
    const current = store.getSnapshot().segments.find(segment.id, segment.documentId);
    if (current) void store.act((ctx) => setSegmentMemo(current, value, ctx), { documentId: current.documentId });
  });
  const available = flattenTree(codes).filter((r) => !segment.codeIds.includes(r.code.id));

  const addCode = (codeId: string) => {
    if (!codeId || text === null) return;
    const docSegments = segments.inDocument(segment.documentId);
    void store.act(
      (ctx) =>
        applyCode(
          docSegments,
          { documentId: segment.documentId, documentHash: segment.documentHash, text, start: segment.start, end: segment.end },
          codeId,
          segment.coder,
          ctx,
          byId.get(codeId)?.name,
        ).change,
      { documentId: segment.documentId },
    );
    setAdding('');
  };

  return (
    <article className="segment-card" aria-label={`Segment “${segment.quote.slice(0, 60)}”`}>
      <blockquote>{segment.quote}</blockquote>
      <ul className="segment-codes" aria-label="Codes of this segment">
        {segment.codeIds.map((id) => {
          const code = byId.get(id);
          return (
            <li key={id} className="chip">
              <span className="swatch" style={{ background: code?.colour ?? '#888' }} aria-hidden="true" />
              {code ? codePath(byId, id) : '(missing code)'}
              <button
                type="button"
                aria-label={`Remove code ${code?.name ?? id}`}
                onClick={() => void store.act((ctx) => removeCodeFromSegment(segment, id, ctx, code?.name), { documentId: segment.documentId })}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      <label className="add-code">
        Add code
        <select value={adding} onChange={(e) => addCode(e.target.value)} disabled={text === null}>
          <option value="">Choose…</option>
          {available.map(({ code }) => (
            <option key={code.id} value={code.id}>
              {codePath(byId, code.id)}
            </option>
          ))}
        </select>
      </label>
      <label className="memo">
        Memo
        <textarea value={memo.draft} rows={4} onChange={(e) => memo.onChange(e.target.value)} onBlur={memo.flush} />
      </label>
      <dl className="segment-meta">
        <dt>Coder</dt>
        <dd>{segment.coder}</dd>
        <dt>Created</dt>
        <dd>
          <time dateTime={segment.createdAt}>{formatDate(segment.createdAt)}</time>
        </dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={segment.updatedAt}>{formatDate(segment.updatedAt)}</time>
        </dd>
      </dl>
      <button type="button" className="danger" onClick={() => void store.act(() => deleteSegment(segment), { documentId: segment.documentId })}>
        Delete segment
      </button>
    </article>
  );
}
