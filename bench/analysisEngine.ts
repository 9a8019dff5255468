/**
 * The analysis engine timed on its own, in a process of its own (`node --import tsx
 * bench/analysisEngine.ts <backup.json> <corpus folder> <reps> <codings>`, spawned by
 * bench/analysis.ts). The backup and the corpus are read, reduced to what the app's worker is
 * given (segments as posted, the texts' profiles, the codebook) and let go, so the heap holds
 * what the worker holds and a sample's collections do not walk the whole benchmark.
 * From nothing (an empty engine given every document's segments, then asked; p95 over reps,
 * after a round that compiles the code, reported apart) and after one coding (p95 over many)
 * for the code × document matrix, co-occurrence (overlap) and frequencies; baseline: the same
 * matrix by a straightforward loop over all segments, checked equal to ours; the answers kept
 * up to date after the codings are checked equal to an engine's counting afresh. Prints the
 * result as JSON.
 */
import { readFileSync } from 'node:fs';
import { loadCorpus } from '../main/corpus/loadCorpus';
import { flattenTree } from '../renderer/domain/codeTree';
import type { AnalysisCode } from '../renderer/domain/analysis/codeIndex';
import { AnalysisEngine } from '../renderer/domain/analysis/engine';
import { toAnalysisSegment, type AnalysisDocument, type AnalysisSegment, type TextProfile } from '../renderer/domain/analysis/input';
import type { AnalysisRequest, MatrixAnswer } from '../renderer/domain/analysis/requests';
import { profileText } from '../renderer/domain/analysis/textProfile';
import type { Backup } from '../renderer/formats/backup/backup';
import { median, percentile, ratio } from './report';

/** What the worker is given, and the passages the benchmark codes. */
interface EngineInput {
  /** In tree order. */
  codes: readonly AnalysisCode[];
  /** Codes without sub-codes, to code with. */
  leaves: readonly string[];
  documents: readonly AnalysisDocument[];
  segments: Map<string, AnalysisSegment[]>;
  profiles: ReadonlyMap<string, TextProfile>;
  /** The texts of the documents coded after the start (one coding each). */
  codedTexts: ReadonlyMap<string, string>;
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

/** The document coded i-th after the start. */
const codedDocument = (documents: readonly AnalysisDocument[], i: number) => documents[(i * 37) % documents.length]!;

/** An engine given the codebook, the documents, their segments and their texts' profiles. */
function loadedEngine(b: EngineInput): AnalysisEngine {
  const engine = new AnalysisEngine();
  engine.setCodes(b.codes);
  engine.setDocuments(b.documents);
  for (const d of b.documents) {
    engine.setSegments(d.id, b.segments.get(d.id) ?? []);
    engine.setProfile(d.id, b.profiles.get(d.id)!);
  }
  return engine;
}

/** An answer as comparable data (its time left out). */
const answerData = (a: object) => JSON.stringify({ ...a, computeMs: 0 }, (_, v: unknown) => (ArrayBuffer.isView(v) ? [...(v as Int32Array)] : v));

/**
 * The baseline: segments per code and document, own and with sub-codes, by a straightforward
 * loop over every segment, its codes and their ancestors — recomputed whole each time.
 */
function baselineMatrix(b: EngineInput): Int32Array {
  const row = new Map(b.codes.map((c, i) => [c.id, i]));
  const parent = new Map(b.codes.map((c) => [c.id, c.parentId]));
  const k = b.codes.length;
  const values = new Int32Array(2 * k * b.documents.length);
  b.documents.forEach((d, j) => {
    for (const s of b.segments.get(d.id) ?? []) {
      const own = new Set(s.codings.map((c) => c.codeId).filter((id) => row.has(id)));
      const rolled = new Set<string>();
      for (const id of own) for (let at: string | null | undefined = id; at && !rolled.has(at); at = parent.get(at)) rolled.add(at);
      for (const id of own) values[row.get(id)! * b.documents.length + j]!++;
      for (const id of rolled) values[(k + row.get(id)!) * b.documents.length + j]!++;
    }
  });
  return values;
}

function measureEngine(b: EngineInput) {
  const cold: Record<View, number[]> = { codeByDocument: [], cooccurrence: [], frequencies: [] };
  const first: Record<View, number> = { codeByDocument: 0, cooccurrence: 0, frequencies: 0 };
  const reps = Math.max(3, b.reps);
  // Round 0 compiles the code: reported apart, as the first answer.
  for (let r = 0; r <= reps; r++) {
    for (const view of VIEWS) {
      // From nothing: an empty engine given every document's segments, then asked.
      const t0 = performance.now();
      loadedEngine(b).answer(requestFor(view));
      const ms = performance.now() - t0;
      if (r === 0) first[view] = ms;
      else cold[view].push(ms);
    }
  }
  const baseline: number[] = [];
  let expected: Int32Array = new Int32Array(0);
  for (let r = 0; r <= reps; r++) {
    const t0 = performance.now();
    expected = baselineMatrix(b);
    if (r > 0) baseline.push(performance.now() - t0);
  }
  // The same matrix, or the comparison means nothing.
  const engine = loadedEngine(b);
  const ours = engine.answer(requestFor('codeByDocument')) as MatrixAnswer;
  if (ours.values.length !== expected.length || ours.values.some((v, i) => v !== expected[i])) throw new Error('analysis: the engine’s code × document matrix differs from the baseline’s');
  for (const view of VIEWS) engine.answer(requestFor(view));
  // After one coding: a new segment in one document, then each view asked again.
  const after: Record<View, number[]> = { codeByDocument: [], cooccurrence: [], frequencies: [] };
  for (let i = 0; i < b.codings; i++) {
    const doc = codedDocument(b.documents, i);
    const text = b.codedTexts.get(doc.id)!;
    const start = (i * 7919) % Math.max(1, text.length - 200);
    const end = Math.min(text.length, start + 120);
    const list = [...(b.segments.get(doc.id) ?? [])];
    list.push({ id: `bench-analysis-${i}`, start, end, quote: text.slice(start, end), memo: '', codings: [{ codeId: b.leaves[i % b.leaves.length]!, coder: 'bench' }] });
    b.segments.set(doc.id, list);
    engine.setSegments(doc.id, list);
    for (const view of VIEWS) {
      const t0 = performance.now();
      engine.answer(requestFor(view));
      after[view].push(performance.now() - t0);
    }
  }
  // Kept up to date one document at a time, the answers must be those of an engine counting afresh.
  const fresh = loadedEngine(b);
  for (const view of VIEWS) {
    if (answerData(engine.answer(requestFor(view))) !== answerData(fresh.answer(requestFor(view)))) throw new Error(`analysis: after ${b.codings} codings the ${view} answer differs from one counted afresh`);
  }
  const p95 = (v: Record<View, number[]>) => ({ codeByDocument: percentile(v.codeByDocument, 95), cooccurrence: percentile(v.cooccurrence, 95), frequencies: percentile(v.frequencies, 95) });
  const baselineMs = median(baseline);
  const coldP95Ms = p95(cold);
  const afterCodingP95Ms = p95(after);
  return { coldP95Ms, firstAnswerMs: first, afterCodingP95Ms, baselineMatrixMs: baselineMs, ratioCold: ratio(coldP95Ms.codeByDocument, baselineMs), ratioAfterCoding: ratio(afterCodingP95Ms.codeByDocument, baselineMs) };
}

/** Reads the backup and the corpus and keeps only what the engine is given (the rest is let go on return). */
async function loadInput(backupFile: string, corpusFolder: string, reps: number, codings: number): Promise<EngineInput> {
  const corpus = await loadCorpus(corpusFolder);
  const backup = JSON.parse(readFileSync(backupFile, 'utf8')) as Backup;
  const documents = corpus.listing.documents.map(({ id, title, kind, place, date }) => ({ id, title, kind, place, date }));
  const segments = new Map<string, AnalysisSegment[]>();
  for (const s of backup.segments) {
    const list = segments.get(s.documentId);
    if (list) list.push(toAnalysisSegment(s));
    else segments.set(s.documentId, [toAnalysisSegment(s)]);
  }
  const codes = flattenTree(backup.codes).map(({ code }) => ({ id: code.id, parentId: code.parentId }));
  const codedTexts = new Map<string, string>();
  for (let i = 0; i < codings; i++) {
    const id = codedDocument(documents, i).id;
    codedTexts.set(id, corpus.texts.get(id)!);
  }
  return {
    codes,
    leaves: codes.filter((c) => !codes.some((x) => x.parentId === c.id)).map((c) => c.id),
    documents,
    segments,
    profiles: new Map(documents.map((d) => [d.id, profileText(corpus.texts.get(d.id)!)])),
    codedTexts,
    reps,
    codings,
  };
}

async function main(): Promise<void> {
  const [backupFile, corpusFolder, reps, codings] = process.argv.slice(2);
  const input = await loadInput(backupFile!, corpusFolder!, Number(reps), Number(codings));
  process.stdout.write(JSON.stringify(measureEngine(input)));
}

if (process.argv[1]?.endsWith('analysisEngine.ts')) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  });
}
