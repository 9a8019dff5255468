/**
 * "Code all hits": one change that codes many spans of many documents for one coder, with the
 * rules of manual coding (domain/segments.ts applyCode): the same span as an existing segment
 * gains a coding, any other span becomes a new segment, and a span the coder already coded
 * with that code is left as it is. Hits whose spans coincide (two hits in one sentence) make
 * one coding.
 */
import type { Change } from '../change';
import { ChangeRecorder, type OpContext } from '../context';
import { findCoding } from '../codings';
import type { Segment } from '../model';
import { quoteSelector, withCoding } from '../segments';
import type { Span } from '../span';
import { plural } from '../../../common/plural';

export interface DocumentHits {
  documentId: string;
  /** sha256 of `text`, stamped on new segments. */
  documentHash: string;
  text: string;
  /** Spans to code, already widened by the span rule, snapped and trimmed (see hitSpans.ts). */
  spans: readonly Span[];
  /** The document's segments placed in `text` (see placement.ts). */
  placed: readonly Segment[];
}

export interface CodeHitsReport {
  /** Codings made (new segments and codings added to existing ones). */
  codings: number;
  /** Documents that got at least one coding. */
  documents: number;
  /** Spans the coder had already coded with this code. */
  alreadyCoded: number;
  /** Hits folded into another hit's span (the same sentence, say). */
  shared: number;
}

export function codeHitsReportText(r: CodeHitsReport): string {
  let text = `${plural(r.codings, 'coding', 'codings')} in ${plural(r.documents, 'document', 'documents')}`;
  if (r.alreadyCoded) text += `; ${r.alreadyCoded.toLocaleString('en')} already coded`;
  if (r.shared) text += `; ${plural(r.shared, 'hit shares', 'hits share')} a span with another`;
  return text;
}

const spanKey = (start: number, end: number) => `${start}:${end}`;

/** The document's placed segments by span (the first of twins). */
function bySpan(placed: readonly Segment[]): Map<string, Segment> {
  const out = new Map<string, Segment>();
  for (const s of placed) if (!out.has(spanKey(s.start, s.end))) out.set(spanKey(s.start, s.end), s);
  return out;
}

/**
 * What codeHits would report, without building its change: the preview, recounted whenever
 * the codings change, must not cost the window a frame.
 */
export function countHits(documents: readonly DocumentHits[], codeId: string, coder: string): CodeHitsReport {
  const report: CodeHitsReport = { codings: 0, documents: 0, alreadyCoded: 0, shared: 0 };
  for (const doc of documents) {
    const existing = bySpan(doc.placed);
    const seen = new Set<string>();
    let coded = 0;
    for (const span of doc.spans) {
      const key = spanKey(span.start, span.end);
      if (seen.has(key)) {
        report.shared++;
        continue;
      }
      seen.add(key);
      const same = existing.get(key);
      if (same && same.quote === doc.text.slice(span.start, span.end) && findCoding(same, codeId, coder)) report.alreadyCoded++;
      else coded++;
    }
    report.codings += coded;
    if (coded) report.documents++;
  }
  return report;
}

export function codeHits(
  documents: readonly DocumentHits[],
  codeId: string,
  coder: string,
  ctx: OpContext,
  label: string,
  rec = new ChangeRecorder(),
): { change: Change; report: CodeHitsReport } {
  const report: CodeHitsReport = { codings: 0, documents: 0, alreadyCoded: 0, shared: 0 };
  for (const doc of documents) {
    const existing = bySpan(doc.placed);
    const seen = new Set<string>();
    let coded = 0;
    for (const span of doc.spans) {
      const key = spanKey(span.start, span.end);
      if (seen.has(key)) {
        report.shared++;
        continue;
      }
      seen.add(key);
      const selector = quoteSelector(doc.text, span.start, span.end);
      const found = existing.get(key);
      const same = found && found.quote === selector.quote ? found : undefined;
      if (same && findCoding(same, codeId, coder)) {
        report.alreadyCoded++;
        continue;
      }
      const row = withCoding(same, { documentId: doc.documentId, documentHash: doc.documentHash, ...span, ...selector }, codeId, coder, ctx);
      rec.put('segments', row.id, same ?? null, row);
      coded++;
    }
    report.codings += coded;
    if (coded) report.documents++;
  }
  return { change: rec.build(label), report };
}
