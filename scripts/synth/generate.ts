/**
 * Deterministic synthetic projects for the scale benchmark: corpus documents (text + manifest
 * entry) and the coding state (a 3-level codebook and many overlapping, nested segments).
 * Pure: no file system here (see scripts/synth.ts), so tests can call it directly.
 */
import { splitsSurrogatePair } from '../../common/text/codePoints';
import { sha256Hex } from '../../common/text/sha256';
import { PALETTE } from '../../renderer/domain/palette';
import { quoteSelector } from '../../renderer/domain/segments';
import type { Code, Segment } from '../../renderer/domain/model';
import type { ProjectData, ProjectDocument } from '../../renderer/formats/projectData';
import { fork, intIn, pick, uuidFrom, type Rng } from './prng';
import { bookParagraphLength, paragraph } from './text';

export type SynthKind = 'book' | 'corpus';

export interface SynthDocument extends ProjectDocument {
  file: string;
}

export interface SynthProject {
  kind: SynthKind;
  name: string;
  description: string;
  documents: SynthDocument[];
  codes: Code[];
  segments: Segment[];
  coder: string;
}

export const SYNTH_CODER = 'Synth Coder';
/** Every synthetic row is dated in 2024; rows the app writes during a benchmark are not. */
export const SYNTH_EPOCH = Date.UTC(2024, 0, 1);
export const SYNTH_EXPORTED_AT = '2024-12-31T00:00:00.000Z';
/** Share of segments that should start inside another one (the benchmark's data profile). */
export const TARGET_STARTS_INSIDE = 0.64;
export const MIN_SEGMENT = 5;
export const MAX_SEGMENT = 400;

const isoAt = (rng: Rng) => new Date(SYNTH_EPOCH + Math.floor(rng() * 180 * 86_400_000)).toISOString();

const TOP = ['Governance', 'Security', 'Humanitarian', 'Economy', 'Identity', 'Memory'];
const MID = ['Actors', 'Practices', 'Framings'];
const LEAF = ['Explicit', 'Implicit'];

/** 6 top-level codes × 3 children, and 2 grandchildren under the first two children of each: 48 codes, 3 levels. */
export function synthCodebook(seed: number): Code[] {
  const rng = fork(seed, 1);
  const codes: Code[] = [];
  const add = (name: string, parentId: string | null, description: string): Code => {
    const createdAt = isoAt(rng);
    const code: Code = {
      id: uuidFrom(rng),
      name,
      colour: PALETTE[codes.length % PALETTE.length]!,
      description,
      parentId,
      shortcut: null,
      createdAt,
      updatedAt: createdAt,
    };
    codes.push(code);
    return code;
  };
  for (const top of TOP) {
    const t = add(top, null, `Synthetic top-level code ${top}.`);
    MID.forEach((mid, m) => {
      const c = add(`${top}: ${mid}`, t.id, '');
      if (m < 2) for (const leaf of LEAF) add(`${top}: ${mid} (${leaf})`, c.id, '');
    });
  }
  // Digits 1–9 on nine codes spread over the tree.
  for (let d = 1; d <= 9; d++) codes[(d - 1) * 4]!.shortcut = d;
  return codes;
}

const isSpace = (text: string, o: number) => /\s/.test(text[o]!);

/** Log-uniform length in [MIN_SEGMENT, MAX_SEGMENT] (many short quotes, some long ones). */
const segmentLength = (rng: Rng) => Math.round(MIN_SEGMENT * Math.pow(MAX_SEGMENT / MIN_SEGMENT, rng()));
const MEAN_LENGTH = (MAX_SEGMENT - MIN_SEGMENT) / Math.log(MAX_SEGMENT / MIN_SEGMENT);

/**
 * `count` segments over `text`. A share of them is placed to start inside an earlier segment
 * (often the one just made, which builds deep nesting chains); the rest start anywhere. The
 * share is derived from how often a random start already falls inside a segment, so that
 * about TARGET_STARTS_INSIDE of all segments start inside another one.
 */
export function synthSegments(
  rng: Rng,
  doc: { id: string; sha256: string; text: string },
  count: number,
  codes: readonly Code[],
  coder: string,
): Segment[] {
  const { text } = doc;
  const chance = 1 - Math.exp((-count * MEAN_LENGTH) / Math.max(1, text.length));
  // +0.06: some "nested" starts land on their parent's first character, or are trimmed out of it.
  const nestShare = Math.max(0, Math.min(0.95, (TARGET_STARTS_INSIDE + 0.06 - chance) / (1 - chance)));
  const spans: Array<{ start: number; end: number }> = [];
  const seen = new Set<string>();
  let attempts = 0;
  while (spans.length < count && attempts < count * 20) {
    attempts++;
    const length = segmentLength(rng);
    let start: number;
    let end: number;
    if (spans.length > 0 && rng() < nestShare) {
      const parent = rng() < 0.7 ? spans[spans.length - 1]! : pick(rng, spans);
      start = parent.start + Math.floor(rng() * (parent.end - parent.start));
      // Half nested (ends inside the parent), half overlapping (runs past its end).
      end = rng() < 0.5 ? Math.min(parent.end, start + length) : start + length;
      if (end - start < MIN_SEGMENT) end = start + length;
    } else {
      start = Math.floor(rng() * text.length);
      end = start + length;
    }
    end = Math.min(end, text.length);
    if (splitsSurrogatePair(text, start)) start--;
    if (splitsSurrogatePair(text, end)) end++;
    while (start < end && isSpace(text, start)) start++;
    while (end > start && isSpace(text, end - 1)) end--;
    if (end - start < MIN_SEGMENT || end - start > MAX_SEGMENT) continue;
    const key = `${start}:${end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    spans.push({ start, end });
  }
  if (spans.length < count) throw new Error(`could only place ${spans.length} of ${count} segments in ${doc.id}`);
  return spans.map(({ start, end }) => {
    const first = pick(rng, codes).id;
    const codeIds = [first];
    if (rng() < 0.15) {
      const second = pick(rng, codes).id;
      if (second !== first) codeIds.push(second);
    }
    const createdAt = isoAt(rng);
    const id = uuidFrom(rng);
    return {
      id,
      documentId: doc.id,
      documentHash: doc.sha256,
      start,
      end,
      ...quoteSelector(text, start, end),
      // Coding ids as the Dexie v3 upgrade makes them: no draw from rng, so the rest of the data stays as it was.
      codings: codeIds.map((codeId) => ({ id: `${id}/${codeId}`, codeId, coder, createdAt })),
      memo: rng() < 0.05 ? `Synthetic memo ${intIn(rng, 1, 9999)}, with "quotes".` : '',
      createdAt,
      updatedAt: createdAt,
    };
  });
}

function makeDocument(id: string, file: string, title: string, text: string, n: number): SynthDocument {
  if (text !== text.normalize('NFC') || text.includes('\r')) throw new Error(`synthetic text of ${id} is not normalised`);
  return { id, file, title, kind: 'synthetic', place: null, date: `2024-${String((n % 12) + 1).padStart(2, '0')}-15`, sha256: sha256Hex(text), text };
}

export const BOOK = { paragraphs: 4000, segments: 10_000 } as const;
export const CORPUS = { documents: 1000, segments: 100_000, documentChars: 50_000 } as const;

/** One ~2 MB book (4,000 paragraphs) with 10,000 segments, plus a short uncoded note (listed first). */
export function synthBook(seed: number, scale = 1): SynthProject {
  const rng = fork(seed, 2);
  const paragraphs = Math.max(4, Math.round(BOOK.paragraphs * scale));
  const lines: string[] = [];
  for (let i = 0; i < paragraphs; i++) lines.push(paragraph(rng, bookParagraphLength(rng)));
  const book = makeDocument('book', 'book.txt', 'The Long Book (synthetic)', lines.join('\n') + '\n', 0);
  const noteRng = fork(seed, 3);
  const note = makeDocument('note', 'note.txt', 'A Short Note (synthetic, uncoded)', Array.from({ length: 6 }, () => paragraph(noteRng, 400)).join('\n') + '\n', 1);
  const codes = synthCodebook(seed);
  const segments = synthSegments(fork(seed, 4), book, Math.max(10, Math.round(BOOK.segments * scale)), codes, SYNTH_CODER);
  return {
    kind: 'book',
    name: 'Synthetic book',
    description: `Generated by npm run synth (seed ${seed}, scale ${scale}). "note" is a short uncoded document; "book" carries all segments.`,
    documents: [note, book],
    codes,
    segments,
    coder: SYNTH_CODER,
  };
}

/** 1,000 documents of ~50 KB with 100,000 segments in all (scaled by `scale`). */
export function synthCorpus(seed: number, scale = 1): SynthProject {
  const count = Math.max(2, Math.round(CORPUS.documents * scale));
  const perDoc = Math.max(5, Math.round(CORPUS.segments / CORPUS.documents));
  const codes = synthCodebook(seed);
  const documents: SynthDocument[] = [];
  const segments: Segment[] = [];
  for (let d = 0; d < count; d++) {
    const rng = fork(seed, 5, d);
    const lines: string[] = [];
    let total = 0;
    while (total < CORPUS.documentChars) {
      const line = paragraph(rng, intIn(rng, 200, 1200));
      lines.push(line);
      total += line.length + 1;
    }
    const n = String(d + 1).padStart(4, '0');
    const doc = makeDocument(`doc-${n}`, `doc-${n}.txt`, `Synthetic document ${n}`, lines.join('\n') + '\n', d);
    documents.push(doc);
    segments.push(...synthSegments(fork(seed, 6, d), doc, perDoc, codes, SYNTH_CODER));
  }
  return {
    kind: 'corpus',
    name: 'Synthetic corpus',
    description: `Generated by npm run synth (seed ${seed}, scale ${scale}): ${count} documents, ${segments.length} segments.`,
    documents,
    codes,
    segments,
    coder: SYNTH_CODER,
  };
}

export function toProjectData(project: SynthProject): ProjectData {
  return {
    documents: project.documents.map(({ file: _file, ...d }) => d),
    codes: project.codes,
    segments: project.segments,
    memos: [],
    settings: { coder: project.coder },
  };
}

/** manifest.json in the format of resources/corpus/manifest.json. */
export function manifestOf(project: SynthProject): string {
  return (
    JSON.stringify(
      {
        name: project.name,
        description: project.description,
        documents: project.documents.map((d) => ({ id: d.id, file: d.file, title: d.title, kind: d.kind, place: d.place, date: d.date })),
      },
      null,
      2,
    ) + '\n'
  );
}

/** Share of segments starting inside another segment of the same document, and the deepest nesting. */
export function overlapStats(segments: readonly Pick<Segment, 'documentId' | 'start' | 'end'>[]): { startsInside: number; maxDepth: number } {
  const byDoc = new Map<string, Array<Pick<Segment, 'start' | 'end'>>>();
  for (const s of segments) {
    const list = byDoc.get(s.documentId) ?? [];
    list.push(s);
    byDoc.set(s.documentId, list);
  }
  let inside = 0;
  let maxDepth = 0;
  for (const list of byDoc.values()) {
    const sorted = [...list].sort((a, b) => a.start - b.start || b.end - a.end);
    let maxEnd = -1;
    for (const s of sorted) {
      if (maxEnd > s.start) inside++;
      maxEnd = Math.max(maxEnd, s.end);
    }
    const events: Array<[number, number]> = [];
    for (const s of list) events.push([s.start, 1], [s.end, -1]);
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let depth = 0;
    for (const [, d] of events) maxDepth = Math.max(maxDepth, (depth += d));
  }
  return { startsInside: segments.length ? inside / segments.length : 0, maxDepth };
}
