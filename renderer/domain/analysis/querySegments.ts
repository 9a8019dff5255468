/**
 * A coding query answered at once on the main thread, over stored segments: for a short list
 * such as the codebook's "Passages coded X" (one code, with or without sub-codes). A query
 * that only looks at each segment's own codes (codes, any of, all of on the segment) is
 * answered from the segments carrying one of its codes, so a list over 100,000 segments
 * costs a pass over their codings.
 */
import { flattenTree } from '../codeTree';
import type { Code, Segment } from '../model';
import { CodeIndex } from './codeIndex';
import { toAnalysisSegment } from './input';
import { evaluate, type Query } from './query';
import { Interner, resolveUnits } from './units';

/** Whether a query decides each segment from its own codes alone. */
function isLocal(q: Query): boolean {
  if (q.op === 'code') return true;
  if (q.op === 'anyOf') return q.of.every(isLocal);
  return q.op === 'allOf' && q.on === 'segment' && q.of.every(isLocal);
}

/** Codes one of which every hit of a local query carries. */
function someCodeOf(q: Query, codes: readonly Code[]): Set<string> {
  if (q.op === 'code') {
    const out = new Set([q.codeId]);
    if (q.withSubcodes) for (const { code } of flattenTree(codes)) if (code.parentId && out.has(code.parentId)) out.add(code.id);
    return out;
  }
  if (q.op === 'anyOf' || q.op === 'allOf') return new Set(q.of.flatMap((t) => [...someCodeOf(t, codes)]));
  return new Set();
}

/**
 * The segments a query finds, document by document in `documentOrder` (documents not in it
 * after, in the order met), each document's by position. `coders` keeps only their codings.
 */
export function querySegments(
  query: Query,
  segments: readonly Segment[],
  codes: readonly Code[],
  documentOrder: readonly string[],
  coders?: readonly string[],
): Segment[] {
  const index = new CodeIndex(flattenTree(codes).map(({ code }) => ({ id: code.id, parentId: code.parentId })));
  const allowed = coders ? new Set(coders) : undefined;
  const coderNumbers = new Interner();
  const needed = isLocal(query) ? someCodeOf(query, codes) : null;
  const byDocument = new Map<string, Segment[]>(documentOrder.map((id) => [id, []]));
  for (const s of segments) {
    if (needed && !s.codings.some((c) => needed.has(c.codeId) && (!allowed || allowed.has(c.coder)))) continue;
    const list = byDocument.get(s.documentId);
    if (list) list.push(s);
    else byDocument.set(s.documentId, [s]);
  }
  const out: Segment[] = [];
  for (const list of byDocument.values()) {
    if (!list.length) continue;
    const stored = new Map(list.map((s) => [s.id, s]));
    const units = resolveUnits(list.map(toAnalysisSegment), index, coderNumbers, allowed);
    const marks = evaluate(query, { units, codes: index, lines: null });
    for (let i = 0; i < units.count; i++) if (marks[i]) out.push(stored.get(units.segments[i]!.id)!);
  }
  return out;
}
