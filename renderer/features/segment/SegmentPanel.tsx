/**
 * The "Segment" region: every segment at the point the analyst activated — quote, its codings
 * (code and coder; add as the current coder, remove one coding), memo saved as you type,
 * dates, and "Delete segment". Every change is built from the stored row at commit time, so
 * a memo typed a moment before removing a code is never lost.
 */
import { useState } from 'react';
import { useProject, useServices } from '../../ui/ProjectContext';
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import { findCoding } from '../../domain/codings';
import type { Segment } from '../../domain/model';
import { applyCode, deleteSegment, removeCoding } from '../../domain/segments';
import { saveTypedField, typedFieldKey, type TypedField } from '../../project/typedFields';
import type { ProjectSnapshot } from '../../project/projectStore';
import { DomainError } from '../../domain/change';
import { useCoderFilter } from '../../ui/useCoderFilter';
import { useDebouncedSave } from '../../ui/useDebouncedSave';
import { pagesLabel, segmentPages } from './segmentPages';
import { usePageStarts } from './usePageStarts';

interface Props {
  segmentIds: readonly string[];
  /** The open document's text, needed to add a code to a segment's exact span. */
  text: string | null;
  onClose: () => void;
}

const formatDate = (iso: string) => new Date(iso).toLocaleString();

/** The segment as stored now (refused when another action removed it meanwhile). */
function storedSegment(state: ProjectSnapshot, segment: Segment): Segment {
  const current = state.segments.find(segment.id, segment.documentId);
  if (!current) throw new DomainError('This segment no longer exists');
  return current;
}

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
  const { codes, settings } = useProject();
  // The coder filter (and blind coding) hides other coders' codings here as in the text.
  const { accepts } = useCoderFilter();
  const codings = accepts ? segment.codings.filter((c) => accepts(c.coder)) : segment.codings;
  const hidden = segment.codings.length - codings.length;
  const byId = codesById(codes);
  const [adding, setAdding] = useState('');
  const scope = { documentId: segment.documentId };
  const memoField: TypedField = { kind: 'segmentMemo', documentId: segment.documentId, segmentId: segment.id };
  const memo = useDebouncedSave(segment.memo, (value) => saveTypedField(store, memoField, value), { rescueKey: typedFieldKey(memoField) });
  const available = flattenTree(codes).filter((r) => !findCoding(segment, r.code.id, settings.coder));
  const pages = segmentPages(usePageStarts(segment.documentId), segment);

  const addCode = (codeId: string) => {
    if (!codeId || text === null) return;
    void store.act((ctx, state) => {
      const current = storedSegment(state, segment);
      const target = { documentId: current.documentId, documentHash: current.documentHash, text, start: current.start, end: current.end };
      return applyCode(state.segments.inDocument(current.documentId), target, codeId, state.settings.coder, ctx, byId.get(codeId)?.name).change;
    }, scope);
    setAdding('');
  };

  return (
    <article className="segment-card" aria-label={`Segment “${segment.quote.slice(0, 60)}”`}>
      <blockquote>{segment.quote}</blockquote>
      <ul className="segment-codes" aria-label="Codings of this segment">
        {codings.map((coding) => {
          const code = byId.get(coding.codeId);
          const name = code?.name ?? coding.codeId;
          return (
            <li key={coding.id} className="chip" aria-label={`${name} by ${coding.coder || 'unknown coder'}`}>
              <span className="swatch" style={{ background: code?.colour ?? '#888' }} aria-hidden="true" />
              {code ? codePath(byId, coding.codeId) : '(missing code)'}
              <span className="coding-coder">{coding.coder || 'unknown coder'}</span>
              <button
                type="button"
                aria-label={`Remove code ${name} by ${coding.coder || 'unknown coder'}`}
                title={`Coded ${formatDate(coding.createdAt)}`}
                onClick={() => void store.act((ctx, state) => removeCoding(storedSegment(state, segment), coding.id, ctx, name), scope)}
              >
                ×
              </button>
            </li>
          );
        })}
      </ul>
      {hidden > 0 && (
        <p className="hint">
          {hidden} coding{hidden === 1 ? '' : 's'} by other coders hidden by the coder filter.
        </p>
      )}
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
        <textarea {...memo.fieldProps} rows={4} />
      </label>
      <dl className="segment-meta">
        {pages && (
          <>
            <dt>{pages.last > pages.first ? 'Pages' : 'Page'}</dt>
            <dd>{pagesLabel(pages)}</dd>
          </>
        )}
        <dt>Created</dt>
        <dd>
          <time dateTime={segment.createdAt}>{formatDate(segment.createdAt)}</time>
        </dd>
        <dt>Updated</dt>
        <dd>
          <time dateTime={segment.updatedAt}>{formatDate(segment.updatedAt)}</time>
        </dd>
      </dl>
      <button type="button" className="danger" onClick={() => void store.act((_ctx, state) => deleteSegment(storedSegment(state, segment)), scope)}>
        Delete segment
      </button>
    </article>
  );
}
