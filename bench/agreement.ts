/**
 * Inter-coder agreement over the synthetic corpus (issue 18's target): two coders of ~50,000
 * codings each over 1,000 documents and 48 codes, the full table (character level, segment
 * level, alpha, cu-α, the disagreeing stretches) in ≤ 1 s. Runs in Node: it is the pure
 * function the app's Web Worker runs (domain/agreement/computeAgreement.ts), timed with the
 * input built from segments; posting the input to the worker and the result back is measured
 * apart as structured clones. Baseline in the same run: the character-by-character computation
 * of the character tables alone (one array per coder, code and document), checked equal to ours.
 */
import { agreementInput, type ComparedDocument } from '../renderer/domain/agreement/agreementInput';
import { computeAgreement } from '../renderer/domain/agreement/computeAgreement';
import type { CharacterTable } from '../renderer/domain/agreement/kappa';
import type { Segment } from '../renderer/domain/model';
import { mulberry32 } from '../scripts/synth/prng';
import { median, type AgreementMeasurement } from './report';

interface Corpus {
  segments: readonly Segment[];
  codeIds: readonly string[];
  lengths: ReadonlyMap<string, number>;
}

/**
 * Coder A takes every other segment of the synthetic corpus; coder B re-codes each of A's
 * passages: mostly the same span, some with moved ends, some with another code, some not at
 * all, and some passages of their own.
 */
export function twoCoders(corpus: Corpus, seed: number): ComparedDocument[] {
  const rng = mulberry32(seed);
  const byDocument = new Map<string, Segment[]>();
  const add = (s: Segment) => {
    const list = byDocument.get(s.documentId);
    if (list) list.push(s);
    else byDocument.set(s.documentId, [s]);
  };
  const coded = (s: Segment, coder: string, codeId: string, start: number, end: number, id: string): Segment => ({
    ...s,
    id,
    start,
    end,
    codings: [{ id: `${id}/c`, codeId, coder, createdAt: s.createdAt }],
  });
  corpus.segments.forEach((s, i) => {
    if (i % 2 === 1) return;
    const codeId = s.codings[0]!.codeId;
    const length = corpus.lengths.get(s.documentId)!;
    add(coded(s, 'A', codeId, s.start, s.end, `${s.id}/A`));
    const r = rng();
    if (r < 0.05) return; // B missed it
    let { start, end } = s;
    let code = codeId;
    if (r < 0.15) {
      start = Math.max(0, start + Math.floor(rng() * 41) - 20);
      end = Math.min(length, Math.max(start + 1, end + Math.floor(rng() * 41) - 20));
    } else if (r < 0.2) code = corpus.codeIds[Math.floor(rng() * corpus.codeIds.length)]!;
    add(coded(s, 'B', code, start, end, `${s.id}/B`));
    if (r > 0.95) {
      const other = corpus.segments[i + 1];
      if (other && other.documentId === s.documentId) add(coded(other, 'B', other.codings[0]!.codeId, other.start, other.end, `${other.id}/B`));
    }
  });
  return [...corpus.lengths].map(([id, length]) => ({ id, length, segments: byDocument.get(id) ?? [] }));
}

/** The baseline: every character of every document, one array per coder and code. */
function characterByCharacter(documents: readonly ComparedDocument[], codeIds: readonly string[]): CharacterTable[] {
  const tables = codeIds.map(() => ({ both: 0, onlyA: 0, onlyB: 0, neither: 0 }));
  const codeIndex = new Map(codeIds.map((id, i) => [id, i]));
  for (const doc of documents) {
    const a = codeIds.map(() => new Uint8Array(doc.length));
    const b = codeIds.map(() => new Uint8Array(doc.length));
    for (const s of doc.segments) {
      for (const c of s.codings) {
        const k = codeIndex.get(c.codeId);
        if (k !== undefined) (c.coder === 'A' ? a : b)[k]!.fill(1, s.start, s.end);
      }
    }
    codeIds.forEach((_, k) => {
      const t = tables[k]!;
      const ak = a[k]!;
      const bk = b[k]!;
      for (let i = 0; i < doc.length; i++) {
        if (ak[i]) {
          if (bk[i]) t.both++;
          else t.onlyA++;
        } else if (bk[i]) t.onlyB++;
        else t.neither++;
      }
    });
  }
  return tables;
}

export function measureAgreement(corpus: Corpus, reps: number, seed: number, log: (message: string) => void): AgreementMeasurement {
  const documents = twoCoders(corpus, seed);
  let codingsA = 0;
  let codingsB = 0;
  for (const d of documents) {
    for (const s of d.segments) for (const c of s.codings) if (c.coder === 'A') codingsA++;
    else codingsB++;
  }
  const compare = () => computeAgreement(agreementInput({ documents, codeIds: corpus.codeIds, coders: ['A', 'B'] }));
  compare(); // one untimed round, so the timed ones run optimised code
  const ours: number[] = [];
  const post: number[] = [];
  let result = compare();
  for (let r = 0; r < Math.max(reps, 1); r++) {
    let t = performance.now();
    result = compare();
    ours.push(performance.now() - t);
    const input = agreementInput({ documents, codeIds: corpus.codeIds, coders: ['A', 'B'] });
    t = performance.now();
    structuredClone(input);
    structuredClone(result);
    post.push(performance.now() - t);
  }
  let t = performance.now();
  const baseline = characterByCharacter(documents, corpus.codeIds);
  const baselineMs = performance.now() - t;
  corpus.codeIds.forEach((id, k) => {
    const mine = result.byCode[k]!.characters;
    const theirs = baseline[k]!;
    if (mine.both !== theirs.both || mine.onlyA !== theirs.onlyA || mine.onlyB !== theirs.onlyB || mine.neither !== theirs.neither) {
      throw new Error(`agreement: code ${id} differs from the character-by-character count`);
    }
  });
  log(
    `agreement: ${codingsA} + ${codingsB} codings, ${documents.length} documents, ${corpus.codeIds.length} codes: ours ${median(ours).toFixed(0)} ms (+ ${median(post).toFixed(0)} ms of clones to and from the worker), character by character ${baselineMs.toFixed(0)} ms`,
  );
  return {
    documents: documents.length,
    codes: corpus.codeIds.length,
    codingsA,
    codingsB,
    stretches: result.stretches.document.length,
    oursMs: median(ours),
    postMs: median(post),
    baselineMs,
    // Four digits: ours is a small fraction of the baseline.
    ratio: Number((median(ours) / baselineMs).toFixed(4)),
  };
}
