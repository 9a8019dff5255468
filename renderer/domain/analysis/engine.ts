/**
 * The analysis of a project, kept up to date one document at a time: the codebook, the listed
 * documents, each document's segments and text profile. Each document's units, counts and
 * co-occurrence are computed when first asked and kept until that document (or the codebook)
 * changes, so after one coding an answer recomputes one document and sums the rest.
 * Runs in a worker (project/analysis) or inline; pure, no DOM.
 */
import { attributeById, attributeValue, sortValues } from './attributes';
import { CodeIndex, type AnalysisCode } from './codeIndex';
import { tallyCooccurrence, type PairTally } from './cooccurrence';
import type { AnalysisDocument, AnalysisSegment, Restriction, TextProfile } from './input';
import { evaluate, needsLines, OVERLAP, type Distance, type QueryDocument } from './query';
import type { AnalysisAnswer, AnalysisRequest, CooccurrenceAnswer, FrequencyAnswer, Hit, MatrixAnswer, QueryAnswer } from './requests';
import { coverageOf, type Coverage } from './coverage';
import { countByCoder, countCodes, type CodeCounts, type CoderTally, type Measure } from './tally';
import { resolveUnits, type Unit } from './units';

interface DocumentView {
  units: Unit[];
  counts?: CodeCounts;
  coders?: Map<string, CoderTally>;
  coverage?: Coverage;
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

const codersKey = (coders?: readonly string[]) => (coders ? JSON.stringify([...coders].sort()) : '*');
const distanceKey = (d: Distance) => (d === 'paragraph' ? 'p' : String(d.chars));
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export class AnalysisEngine {
  private codes = new CodeIndex([]);
  private readonly documents = new Map<string, DocumentState>();
  private order: string[] = [];
  private recentCoderKeys: string[] = [];
  /**
   * Co-occurrence summed over every listed document, by coders and distance, with the part each
   * document added: after one coding only that document's part is taken out and put back.
   */
  private readonly pairSums = new Map<string, { pairs: Int32Array; same: Int32Array; parts: Map<string, PairTally> }>();

  setCodes(codes: readonly AnalysisCode[]): void {
    this.codes = new CodeIndex(codes);
    this.pairSums.clear();
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
    this.pairSums.clear();
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
    for (const view of state.views.values()) view.coverage = undefined; // its words can be counted now
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
      const view = this.view(state);
      const key = distanceKey(OVERLAP);
      if (!view.cooccurrence.has(key)) view.cooccurrence.set(key, tallyCooccurrence(this.queryDocument(state), OVERLAP));
    }
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
    const ids = restriction.documents ? new Set(restriction.documents) : null;
    const all = this.order.map((id) => this.documents.get(id)!);
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
      view = { units: resolveUnits(state.segments, this.codes, coders ? new Set(coders) : undefined), cooccurrence: new Map() };
      state.views.set(key, view);
    }
    return view;
  }

  private remember(key: string): void {
    this.recentCoderKeys = [key, ...this.recentCoderKeys.filter((k) => k !== key)];
    for (const dropped of this.recentCoderKeys.splice(KEPT_CODER_KEYS)) for (const s of this.documents.values()) s.views.delete(dropped);
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

  private byCoder(state: DocumentState, coders?: readonly string[]): Map<string, CoderTally> {
    const view = this.view(state, coders);
    view.coders ??= countByCoder(view.units, this.codes);
    return view.coders;
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

  private frequencies(restriction: Restriction): FrequencyAnswer {
    const kept = this.kept(restriction);
    const size = 2 * this.codes.size;
    const sum = { codings: new Int32Array(size), segments: new Int32Array(size), documentsWith: new Int32Array(size), chars: new Int32Array(size), words: new Int32Array(size) };
    const coders = new Map<string, { coder: string; codings: Int32Array; segments: Int32Array }>();
    let textChars = 0;
    let textWords = 0;
    for (const state of kept) {
      const t = { ...this.counts(state, restriction.coders), ...this.coverage(state, restriction.coders) };
      for (let i = 0; i < size; i++) {
        sum.codings[i]! += t.codings[i]!;
        sum.segments[i]! += t.segments[i]!;
        if (t.segments[i]) sum.documentsWith[i]!++;
        sum.chars[i]! += t.chars[i]!;
        sum.words[i]! += t.words[i]!;
      }
      for (const [coder, c] of this.byCoder(state, restriction.coders)) {
        let total = coders.get(coder);
        if (!total) coders.set(coder, (total = { coder, codings: new Int32Array(size), segments: new Int32Array(size) }));
        for (let i = 0; i < size; i++) {
          total.codings[i]! += c.codings[i]!;
          total.segments[i]! += c.segments[i]!;
        }
      }
      textChars += state.profile?.length ?? 0;
      textWords += state.profile?.words ?? 0;
    }
    const base = this.base(kept);
    const known = base.textsMissing === 0;
    return {
      kind: 'frequencies',
      ...base,
      ...sum,
      textChars: known ? textChars : null,
      textWords: known ? textWords : null,
      coders: [...coders.values()].sort((a, b) => a.coder.localeCompare(b.coder)),
    };
  }

  private matrix(request: Extract<AnalysisRequest, { kind: 'codeByDocument' | 'codeByAttribute' }>): MatrixAnswer {
    const kept = this.kept(request.restriction);
    let columns: string[];
    let columnOf: (s: DocumentState) => number;
    if (request.kind === 'codeByDocument') {
      columns = kept.map((s) => s.doc.id);
      const at = new Map(kept.map((s, i) => [s, i]));
      columnOf = (s) => at.get(s)!;
    } else {
      const attribute = attributeById(kept.map((s) => s.doc), request.attribute);
      if (!attribute) throw new Error(`no document attribute “${request.attribute}”`);
      columns = sortValues(attribute, kept.map((s) => attributeValue(attribute, s.doc)));
      const at = new Map(columns.map((v, i) => [v, i]));
      columnOf = (s) => at.get(attributeValue(attribute, s.doc))!;
    }
    const rows = 2 * this.codes.size;
    const values = new Int32Array(rows * columns.length);
    for (const state of kept) {
      const measure = this.measure(state, request.restriction.coders, request.measure);
      const column = columnOf(state);
      for (let row = 0; row < rows; row++) values[row * columns.length + column]! += measure[row]!;
    }
    return { kind: request.kind, ...this.base(kept), measure: request.measure, columns, values };
  }

  private cooccurrence(restriction: Restriction, within: Distance): CooccurrenceAnswer {
    const kept = this.kept(restriction);
    const k = this.codes.size;
    const square = k * k;
    const pairs = new Int32Array(2 * square);
    const same = new Int32Array(2 * square);
    const segments = new Int32Array(2 * k);
    const key = distanceKey(within);
    const add = (into: { pairs: Int32Array; same: Int32Array }, tally: PairTally, sign: 1 | -1) => {
      for (let i = 0; i < tally.keys.length; i++) {
        into.pairs[tally.keys[i]!]! += sign * tally.pairs[i]!;
        into.same[tally.keys[i]!]! += sign * tally.same[i]!;
      }
    };
    const whole = !restriction.documents && Object.keys(restriction.attributes ?? {}).length === 0;
    const sumKey = `${codersKey(restriction.coders)}|${key}`;
    let sum = whole ? this.pairSums.get(sumKey) : undefined;
    if (whole && !sum) this.pairSums.set(sumKey, (sum = { pairs: new Int32Array(2 * square), same: new Int32Array(2 * square), parts: new Map() }));
    for (const state of kept) {
      const view = this.view(state, restriction.coders);
      let tally = view.cooccurrence.get(key);
      if (!tally) view.cooccurrence.set(key, (tally = tallyCooccurrence(this.queryDocument(state, restriction.coders), within)));
      if (!sum) add({ pairs, same }, tally, 1);
      else if (sum.parts.get(state.doc.id) !== tally) {
        const before = sum.parts.get(state.doc.id);
        if (before) add(sum, before, -1);
        add(sum, tally, 1);
        sum.parts.set(state.doc.id, tally);
      }
      const counts = this.counts(state, restriction.coders).segments;
      for (let i = 0; i < 2 * k; i++) segments[i]! += counts[i]!;
    }
    if (sum) {
      pairs.set(sum.pairs);
      same.set(sum.same);
    }
    // Tallies hold each pair once (a < b): mirror it, and put each code's segments on the diagonal.
    for (let level = 0; level < 2; level++) {
      for (let a = 0; a < k; a++) {
        const at = level * square + a * k;
        pairs[at + a] = same[at + a] = segments[level * k + a]!;
        for (let b = a + 1; b < k; b++) {
          pairs[level * square + b * k + a] = pairs[at + b]!;
          same[level * square + b * k + a] = same[at + b]!;
        }
      }
    }
    return { kind: 'cooccurrence', ...this.base(kept), pairs, same, segments };
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
      doc.units.forEach((u, i) => {
        if (!marks[i] || (memo !== null && !fold(u.segment.memo).includes(memo))) return;
        hits.push({ segmentId: u.segment.id, documentId: state.doc.id, start: u.start, end: u.end });
      });
    }
    return { kind: 'query', ...this.base(kept), hits };
  }
}
