/**
 * The analysis engine timed on its own, in a process of its own (`node --import tsx
 * bench/analysisEngine.ts <backup.json> <corpus folder> <reps> <codings>`, spawned by
 * bench/analysis.ts): its heap then holds what the app's worker holds, not the whole benchmark.
 * From nothing (an empty engine given every document's segments, then asked; p95 over reps) and
 * after one coding (p95 over many) for the code × document matrix, co-occurrence (overlap) and
 * frequencies; baseline: the same matrix by a straightforward loop over all segments, checked
 * equal to ours; the answers kept up to date after the codings are checked equal to an engine's
 * counting afresh. Prints the result as JSON.
 */
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../main/corpus/loadCorpus';
import { flattenTree } from '../renderer/domain/codeTree';
import { AnalysisEngine } from '../renderer/domain/analysis/engine';
import { toAnalysisSegment, type AnalysisDocument, type AnalysisSegment, type TextProfile } from '../renderer/domain/analysis/input';
import type { AnalysisRequest, MatrixAnswer } from '../renderer/domain/analysis/requests';
import { profileText } from '../renderer/domain/analysis/textProfile';
import type { Code, Segment } from '../renderer/domain/model';
import { quoteSelector } from '../renderer/domain/segments';
import type { Backup } from '../renderer/formats/backup/backup';
import { median, percentile, ratio } from './report';

interface EngineInput {
  backup: Backup;
  documents: ReadonlyArray<AnalysisDocument>;
  texts: ReadonlyMap<string, string>;
  reps: number;
  codings: number;
}

export type EngineMeasurement = ReturnType<typeof measureEngine>;

type View = 'codeByDocument' | 'cooccurrence' | 'frequencies';
const VIEWS: View[] = ['codeByDocument', 'cooccurrence', 'frequencies'];
const requestFor = (view: View): AnalysisRequest =>
  view === 'codeByDocument'
    ? { kind: 'codeByDocument', restriction: {}, measure: 'segments' }
    : view === 'cooccurrence'
      ? { kind: 'cooccurrence', restriction: {}, within: { chars: -1 } }
      : { kind: 'frequencies', restriction: {} };

function byDocument(segments: readonly Segment[]): Map<string, Segment[]> {
  const out = new Map<string, Segment[]>();
  for (const s of segments) {
    const list = out.get(s.documentId);
    if (list) list.push(s);
    else out.set(s.documentId, [s]);
  }
  return out;
}

/** An engine given the codebook, the documents, their segments (as the worker receives them) and their texts' profiles. */
function loadedEngine(codes: readonly Code[], b: EngineInput, segments: ReadonlyMap<string, readonly AnalysisSegment[]>, profiles: ReadonlyMap<string, TextProfile>): AnalysisEngine {
  const engine = new AnalysisEngine();
  engine.setCodes(flattenTree(codes).map(({ code }) => ({ id: code.id, parentId: code.parentId })));
  engine.setDocuments(b.documents);
  for (const d of b.documents) {
    engine.setSegments(d.id, segments.get(d.id) ?? []);
    engine.setProfile(d.id, profiles.get(d.id)!);
  }
  return engine;
}

/** An answer as comparable data (its time left out). */
const answerData = (a: object) => JSON.stringify({ ...a, computeMs: 0 }, (_, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v));

/**
 * The baseline: segments per code and document, own and with sub-codes, by a straightforward
 * loop over every segment, its codes and their ancestors — recomputed whole each time.
 */
function baselineMatrix(codes: readonly Code[], documents: readonly AnalysisDocument[], segments: readonly Segment[]): Int32Array {
  const order = flattenTree(codes).map(({ code }) => code);
  const row = new Map(order.map((c, i) => [c.id, i]));
  const parent = new Map(order.map((c) => [c.id, c.parentId]));
  const column = new Map(documents.map((d, i) => [d.id, i]));
  const k = order.length;
  const values = new Int32Array(2 * k * documents.length);
  for (const s of segments) {
    const j = column.get(s.documentId);
    if (j === undefined) continue;
    const own = new Set(s.codings.map((c) => c.codeId).filter((id) => row.has(id)));
    const rolled = new Set<string>();
    for (const id of own) for (let at: string | null | undefined = id; at && !rolled.has(at); at = parent.get(at)) rolled.add(at);
    for (const id of own) values[row.get(id)! * documents.length + j]!++;
    for (const id of rolled) values[(k + row.get(id)!) * documents.length + j]!++;
  }
  return values;
}

function measureEngine(b: EngineInput) {
  const { codes, segments } = b.backup;
  const perDocument = byDocument(segments);
  // What the worker is given: segments reduced for analysis, and each text's profile (read once, apart).
  const posted = () => new Map([...perDocument].map(([id, list]) => [id, list.map(toAnalysisSegment)]));
  const profiles = new Map(b.documents.map((d) => [d.id, profileText(b.texts.get(d.id)!)]));
  const cold: Record<View, number[]> = { codeByDocument: [], cooccurrence: [], frequencies: [] };
  const first: Record<View, number> = { codeByDocument: 0, cooccurrence: 0, frequencies: 0 };
  const reps = Math.max(3, b.reps);
  // Round 0 compiles the code: reported apart, as the first answer.
  for (let r = 0; r <= reps; r++) {
    for (const view of VIEWS) {
      const input = posted();
      // From nothing: an empty engine given every document's segments, then asked.
      const t0 = performance.now();
      loadedEngine(codes, b, input, profiles).answer(requestFor(view));
      const ms = performance.now() - t0;
      if (r === 0) first[view] = ms;
      else cold[view].push(ms);
    }
  }
  const baseline: number[] = [];
  let expected: Int32Array = new Int32Array(0);
  for (let r = 0; r <= reps; r++) {
    const t0 = performance.now();
    expected = baselineMatrix(codes, b.documents, segments);
    if (r > 0) baseline.push(performance.now() - t0);
  }
  // The same matrix, or the comparison means nothing.
  const engine = loadedEngine(codes, b, posted(), profiles);
  const ours = engine.answer(requestFor('codeByDocument')) as MatrixAnswer;
  if (ours.values.length !== expected.length || ours.values.some((v, i) => v !== expected[i])) throw new Error('analysis: the engine’s code × document matrix differs from the baseline’s');
  for (const view of VIEWS) engine.answer(requestFor(view));
  // After one coding: a new segment in one document, then each view asked again.
  const after: Record<View, number[]> = { codeByDocument: [], cooccurrence: [], frequencies: [] };
  const leaves = codes.filter((c) => !codes.some((x) => x.parentId === c.id));
  for (let i = 0; i < b.codings; i++) {
    const doc = b.documents[(i * 37) % b.documents.length]!;
    const text = b.texts.get(doc.id)!;
    const start = (i * 7919) % Math.max(1, text.length - 200);
    const list = perDocument.get(doc.id) ?? [];
    const added: Segment = {
      ...list[0]!,
      id: `bench-analysis-${i}`,
      documentId: doc.id,
      start,
      end: start + 120,
      ...quoteSelector(text, start, start + 120),
      codings: [{ id: `bench-analysis-${i}/c`, codeId: leaves[i % leaves.length]!.id, coder: 'bench', createdAt: '2025-01-01T00:00:00.000Z' }],
      memo: '',
    };
    list.push(added);
    perDocument.set(doc.id, list);
    engine.setSegments(doc.id, list.map(toAnalysisSegment));
    for (const view of VIEWS) {
      const t0 = performance.now();
      engine.answer(requestFor(view));
      after[view].push(performance.now() - t0);
    }
  }
  // Kept up to date one document at a time, the answers must be those of an engine counting afresh.
  const fresh = loadedEngine(codes, b, posted(), profiles);
  for (const view of VIEWS) {
    if (answerData(engine.answer(requestFor(view))) !== answerData(fresh.answer(requestFor(view)))) throw new Error(`analysis: after ${b.codings} codings the ${view} answer differs from one counted afresh`);
  }
  const p95 = (v: Record<View, number[]>) => ({ codeByDocument: percentile(v.codeByDocument, 95), cooccurrence: percentile(v.cooccurrence, 95), frequencies: percentile(v.frequencies, 95) });
  const baselineMs = median(baseline);
  const coldP95Ms = p95(cold);
  const afterCodingP95Ms = p95(after);
  return { coldP95Ms, firstAnswerMs: first, afterCodingP95Ms, baselineMatrixMs: baselineMs, ratioCold: ratio(coldP95Ms.codeByDocument, baselineMs), ratioAfterCoding: ratio(afterCodingP95Ms.codeByDocument, baselineMs) };
}


async function main(): Promise<void> {
  const [backupFile, corpusFolder, reps, codings] = process.argv.slice(2);
  const corpus = await loadCorpus(corpusFolder!);
  const backup = JSON.parse(readFileSync(backupFile!, 'utf8')) as Backup;
  const documents = corpus.listing.documents.map(({ id, title, kind, place, date }) => ({ id, title, kind, place, date }));
  process.stdout.write(JSON.stringify(measureEngine({ backup, documents, texts: corpus.texts, reps: Number(reps), codings: Number(codings) })));
}

if (process.argv[1]?.endsWith('analysisEngine.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
