/**
 * The analysis of a project, kept up to date one document at a time: the codebook, the listed
 * documents, each document's segments and text profile. Each document's units, counts and
 * co-occurrence are computed when first asked and kept until that document (or the codebook)
 * changes; totals over the whole project are kept too and corrected by the changed document's
 * part, so after one coding an answer recomputes one document and copies the totals out.
 * Runs in a worker (project/analysis) or inline; pure, no DOM.
 */
import { attributeById, attributeValue, sortValues } from './attributes';
import { CodeIndex, type AnalysisCode } from './codeIndex';
import { symmetric, tallyCooccurrence, type PairTally } from './cooccurrence';
import { coverageOf, type Coverage } from './coverage';
import type { AnalysisDocument, AnalysisSegment, Restriction, TextProfile } from './input';
import { evaluate, needsLines, OVERLAP, type Distance, type QueryDocument } from './query';
import type { AnalysisAnswer, AnalysisRequest, CooccurrenceAnswer, FrequencyAnswer, Hit, MatrixAnswer, QueryAnswer } from './requests';
import { countByCoder, countCodes, type CodeCounts, type CoderTally, type Measure } from './tally';
import { Totals } from './totals';
import { Interner, resolveUnits, type Units } from './units';

interface DocumentView {
  units: Units;
  counts?: CodeCounts;
  coders?: Map<number, CoderTally>;
  coverage?: Coverage;
  /** By distance (see distanceKey). */
  cooccurrence: Map<string, PairTally>;
}

interface DocumentState {
  doc: AnalysisDocument;
  segments: readonly AnalysisSegment[];
  profile: TextProfile | null;
  /** By coder restriction (see codersKey). */
  views: Map<string, DocumentView>;
}

/** Coder restrictions whose per-document views are kept (the filter an analyst flips between). */
const KEPT_CODER_KEYS = 3;

/** A coder restriction's key; an answer asks it once per document, so the last one is kept. */
let lastCoders: { coders: readonly string[]; key: string } | null = null;
function codersKey(coders?: readonly string[]): string {
  if (!coders) return '*';
  if (lastCoders?.coders !== coders) lastCoders = { coders, key: JSON.stringify([...coders].sort()) };
  return lastCoders.key;
}
const distanceKey = (d: Distance) => (d === 'paragraph' ? 'p' : String(d.chars));
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const isWhole = (r: Restriction) => !r.documents && Object.keys(r.attributes ?? {}).length === 0;

export class AnalysisEngine {
  private codes = new CodeIndex([]);
  private readonly coderNumbers = new Interner();
  private readonly documents = new Map<string, DocumentState>();
  private order: string[] = [];
  private recentCoderKeys: string[] = [];
  /** By coder restriction, for answers over every listed document. */
  private readonly totals = new Map<string, Totals>();

  setCodes(codes: readonly AnalysisCode[]): void {
    this.codes = new CodeIndex(codes);
    this.totals.clear();
    for (const state of this.documents.values()) state.views.clear();
  }

  /** The listed documents, in list order. Segments and profiles of documents still listed are kept. */
  setDocuments(docs: readonly AnalysisDocument[]): void {
    const previous = new Map(this.documents);
    this.documents.clear();
    for (const doc of docs) {
      const old = previous.get(doc.id);
      this.documents.set(doc.id, { doc, segments: old?.segments ?? [], profile: old?.profile ?? null, views: old?.views ?? new Map() });
    }
    this.order = docs.map((d) => d.id);
    this.totals.clear();
  }

  setSegments(documentId: string, segments: readonly AnalysisSegment[]): void {
    const state = this.documents.get(documentId);
    if (!state) return; // not listed: analysis counts only documents the analyst can open
    state.segments = segments;
    state.views.clear();
  }

  setProfile(documentId: string, profile: TextProfile): void {
    const state = this.documents.get(documentId);
    if (!state) return;
    state.profile = profile;
    for (const view of state.views.values()) {
      view.coverage = undefined; // its words can be counted now
      view.cooccurrence.delete(distanceKey('paragraph'));
    }
  }

  /**
   * Computes the documents' tallies and overlap co-occurrence now (the worker does this as data
   * arrives, between questions), so a view asked later only sums them.
   */
  warm(documentIds: readonly string[]): void {
    for (const id of documentIds) {
      const state = this.documents.get(id);
      if (!state) continue;
      this.counts(state);
      this.coverage(state);
      this.byCoder(state);
      this.pairTally(state, undefined, OVERLAP);
    }
  }

  /** The listed documents' ids, in list order. */
  documentIds(): readonly string[] {
    return this.order;
  }

  /** Documents whose text profile is still missing. */
  missingProfiles(): string[] {
    return this.order.filter((id) => !this.documents.get(id)!.profile);
  }

  answer(request: AnalysisRequest): AnalysisAnswer {
    const t0 = performance.now();
    const answer = this.compute(request);
    answer.computeMs = performance.now() - t0;
    return answer;
  }

  private compute(request: AnalysisRequest): AnalysisAnswer {
    switch (request.kind) {
      case 'frequencies':
        return this.frequencies(request.restriction);
      case 'codeByDocument':
      case 'codeByAttribute':
        return this.matrix(request);
      case 'cooccurrence':
        return this.cooccurrence(request.restriction, request.within);
      case 'query':
        return this.query(request);
    }
  }

  /** The documents a restriction keeps, in list order. */
  private kept(restriction: Restriction): DocumentState[] {
    const all = this.order.map((id) => this.documents.get(id)!);
    if (isWhole(restriction)) return all;
    const ids = restriction.documents ? new Set(restriction.documents) : null;
    const attributes = Object.entries(restriction.attributes ?? {}).map(([id, values]) => ({
      attribute: attributeById(all.map((s) => s.doc), id),
      values: new Set(values),
    }));
    return all.filter(
      (s) => (!ids || ids.has(s.doc.id)) && attributes.every(({ attribute, values }) => !attribute || values.has(attributeValue(attribute, s.doc))),
    );
  }

  private view(state: DocumentState, coders?: readonly string[]): DocumentView {
    const key = codersKey(coders);
    let view = state.views.get(key);
    if (!view) {
      this.remember(key);
      view = { units: resolveUnits(state.segments, this.codes, this.coderNumbers, coders ? new Set(coders) : undefined), cooccurrence: new Map() };
      state.views.set(key, view);
    }
    return view;
  }

  private remember(key: string): void {
    if (this.recentCoderKeys[0] === key) return;
    this.recentCoderKeys = [key, ...this.recentCoderKeys.filter((k) => k !== key)];
    for (const dropped of this.recentCoderKeys.splice(KEPT_CODER_KEYS)) {
      this.totals.delete(dropped);
      for (const s of this.documents.values()) s.views.delete(dropped);
    }
  }

  private counts(state: DocumentState, coders?: readonly string[]): CodeCounts {
    const view = this.view(state, coders);
    view.counts ??= countCodes(view.units, this.codes);
    return view.counts;
  }

  private coverage(state: DocumentState, coders?: readonly string[]): Coverage {
    const view = this.view(state, coders);
    view.coverage ??= coverageOf(view.units, this.codes.size, state.profile?.wordStarts ?? null);
    return view.coverage;
  }

  private byCoder(state: DocumentState, coders?: readonly string[]): Map<number, CoderTally> {
    const view = this.view(state, coders);
    view.coders ??= countByCoder(view.units, this.codes);
    return view.coders;
  }

  private pairTally(state: DocumentState, coders: readonly string[] | undefined, within: Distance): PairTally {
    const view = this.view(state, coders);
    const key = distanceKey(within);
    let tally = view.cooccurrence.get(key);
    if (!tally) view.cooccurrence.set(key, (tally = tallyCooccurrence(this.queryDocument(state, coders), within)));
    return tally;
  }

  /** One measure of a document, per code and level. */
  private measure(state: DocumentState, coders: readonly string[] | undefined, measure: Measure): Int32Array {
    if (measure === 'chars' || measure === 'words') return this.coverage(state, coders)[measure];
    return this.counts(state, coders)[measure];
  }

  private queryDocument(state: DocumentState, coders?: readonly string[]): QueryDocument {
    const lines = state.profile ? { starts: state.profile.lineStarts, length: state.profile.length } : null;
    return { units: this.view(state, coders).units, codes: this.codes, lines };
  }

  private base(kept: DocumentState[]) {
    return { codes: [...this.codes.ids], documents: kept.length, textsMissing: kept.filter((s) => !s.profile).length, computeMs: 0 };
  }

  /**
   * Totals of the kept documents: over every listed document the engine's own, corrected by
   * the parts that changed; over some, a fresh sum.
   */
  private totalsOf(restriction: Restriction, kept: readonly DocumentState[]): { totals: Totals; ids: readonly string[] } {
    if (!isWhole(restriction)) return { totals: new Totals(this.codes.size), ids: kept.map((s) => s.doc.id) };
    const key = codersKey(restriction.coders);
    let totals = this.totals.get(key);
    if (!totals) this.totals.set(key, (totals = new Totals(this.codes.size)));
    return { totals, ids: this.order };
  }

  private frequencies(restriction: Restriction): FrequencyAnswer {
    const kept = this.kept(restriction);
    const { coders } = restriction;
    const { totals, ids } = this.totalsOf(restriction, kept);
    const stateOf = (id: string) => this.documents.get(id)!;
    totals.counted.update(ids, (id) => this.counts(stateOf(id), coders));
    totals.covered.update(ids, (id) => this.coverage(stateOf(id), coders));
    totals.byCoder.update(ids, (id) => this.byCoder(stateOf(id), coders));
    let textChars = 0;
    let textWords = 0;
    for (const state of kept) {
      textChars += state.profile?.length ?? 0;
      textWords += state.profile?.words ?? 0;
    }
    const base = this.base(kept);
    const known = base.textsMissing === 0;
    // Copies: an answer's arrays are handed over to the main thread, and the totals stay here.
    const coderRows = [...totals.coders]
      .filter(([, c]) => c.codings.some((n) => n > 0))
      .map(([coder, c]) => ({ coder: this.coderNumbers.names[coder]!, codings: c.codings.slice(), segments: c.segments.slice() }))
      .sort((a, b) => a.coder.localeCompare(b.coder));
    return {
      kind: 'frequencies',
      ...base,
      codings: totals.codings.slice(),
      segments: totals.segments.slice(),
      documentsWith: totals.documentsWith.slice(),
      chars: totals.chars.slice(),
      words: totals.words.slice(),
      textChars: known ? textChars : null,
      textWords: known ? textWords : null,
      coders: coderRows,
    };
  }

  private matrix(request: Extract<AnalysisRequest, { kind: 'codeByDocument' | 'codeByAttribute' }>): MatrixAnswer {
    const kept = this.kept(request.restriction);
    let columns: string[];
    let columnOf: (s: DocumentState, index: number) => number;
    if (request.kind === 'codeByDocument') {
      columns = kept.map((s) => s.doc.id);
      columnOf = (_, index) => index;
    } else {
      const attribute = attributeById(kept.map((s) => s.doc), request.attribute);
      if (!attribute) throw new Error(`no document attribute “${request.attribute}”`);
      columns = sortValues(attribute, kept.map((s) => attributeValue(attribute, s.doc)));
      const at = new Map(columns.map((v, i) => [v, i]));
      columnOf = (s) => at.get(attributeValue(attribute, s.doc))!;
    }
    const rows = 2 * this.codes.size;
    const width = columns.length;
    const values = new Int32Array(rows * width);
    kept.forEach((state, index) => {
      const measure = this.measure(state, request.restriction.coders, request.measure);
      const column = columnOf(state, index);
      for (let row = 0; row < rows; row++) values[row * width + column]! += measure[row]!;
    });
    return { kind: request.kind, ...this.base(kept), measure: request.measure, columns, values };
  }

  private cooccurrence(restriction: Restriction, within: Distance): CooccurrenceAnswer {
    const kept = this.kept(restriction);
    const { coders } = restriction;
    const { totals, ids } = this.totalsOf(restriction, kept);
    const stateOf = (id: string) => this.documents.get(id)!;
    const total = totals.pairsAt(distanceKey(within));
    total.sum.update(ids, (id) => this.pairTally(stateOf(id), coders, within));
    totals.counted.update(ids, (id) => this.counts(stateOf(id), coders));
    const { pairs, involved, same } = symmetric({ pairs: total.pairs, involved: total.involved, same: total.same }, totals.segments, this.codes.size);
    return { kind: 'cooccurrence', ...this.base(kept), pairs, involved, same, segments: totals.segments.slice() };
  }

  private query(request: Extract<AnalysisRequest, { kind: 'query' }>): QueryAnswer {
    const kept = this.kept(request.restriction);
    const memo = request.restriction.memo?.trim() ? fold(request.restriction.memo.trim()) : null;
    const lines = needsLines(request.query);
    const hits: Hit[] = [];
    for (const state of kept) {
      if (lines && !state.profile) continue; // the service reads every text before asking
      const doc = this.queryDocument(state, request.restriction.coders);
      const marks = evaluate(request.query, doc);
      const { units } = doc;
      for (let i = 0; i < units.count; i++) {
        const segment = units.segments[i]!;
        if (!marks[i] || (memo !== null && !fold(segment.memo).includes(memo))) continue;
        hits.push({ segmentId: segment.id, documentId: state.doc.id, start: units.starts[i]!, end: units.ends[i]! });
      }
    }
    return { kind: 'query', ...this.base(kept), hits };
  }
}
