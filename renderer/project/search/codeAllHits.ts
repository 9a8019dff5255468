/**
 * The "Code all hits" job: the chosen hits' spans (hit, sentence, paragraph or ±N characters)
 * coded with one code — an existing one or a new one — as ONE undoable change, built from
 * the project's state at commit time. Texts are read, segments placed and the new rows built
 * before the change, yielding between documents, so thousands of hits never freeze the window.
 */
import type { Change } from '../../domain/change';
import { ChangeRecorder, defaultContext, type OpContext } from '../../domain/context';
import { createCode } from '../../domain/codebook';
import { codeHits, countHits, type CodeHitsReport, type DocumentHits } from '../../domain/search/codeHits';
import { spanForHit, type HitSpanChoice } from '../../domain/search/hitSpans';
import type { Segment } from '../../domain/model';
import type { Span } from '../../domain/span';
import type { ProjectSnapshot, ProjectStore } from '../projectStore';

export interface HitsByDocument {
  documentId: string;
  hits: Span[];
}

/** The code to apply: an existing one, or a new top-level code of that name. */
export type CodeChoice = { codeId: string } | { newName: string };

export interface CodeAllSource {
  store: ProjectStore;
  loadText: (documentId: string) => Promise<string>;
  hashOf: (documentId: string) => string | undefined;
}

export interface Prepared {
  documentId: string;
  documentHash: string;
  text: string;
  spans: Span[];
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
/** Work done between two yields to the event loop. */
const SLICE_MS = 12;

/** Reads the texts and widens each hit to its span; places the documents' segments ahead (cached for the change). */
export async function prepareHits(hits: readonly HitsByDocument[], choice: HitSpanChoice, source: CodeAllSource): Promise<Prepared[]> {
  await source.store.whenLoaded();
  const out: Prepared[] = [];
  let sliceStart = performance.now();
  for (const group of hits) {
    const text = await source.loadText(group.documentId);
    const documentHash = source.hashOf(group.documentId) ?? '';
    const spans: Span[] = [];
    for (const hit of group.hits) {
      const span = spanForHit(text, hit, choice);
      if (span) spans.push(span);
    }
    source.store.placements.place(group.documentId, source.store.getSnapshot().segments.inDocument(group.documentId), text, documentHash);
    out.push({ documentId: group.documentId, documentHash, text, spans });
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextFrame();
      sliceStart = performance.now();
    }
  }
  return out;
}

function targets(prepared: readonly Prepared[], store: ProjectStore, state: ProjectSnapshot): DocumentHits[] {
  return prepared.map((p) => ({
    ...p,
    placed: store.placements.place(p.documentId, state.segments.inDocument(p.documentId), p.text, p.documentHash).placed,
  }));
}

/** What coding would do now (nothing is stored): the preview's counts. */
export function previewCodeAll(prepared: readonly Prepared[], code: CodeChoice, store: ProjectStore): CodeHitsReport {
  const state = store.getSnapshot();
  // A code not created yet has no codings: every span would be coded.
  const codeId = 'codeId' in code ? code.codeId : '';
  return countHits(targets(prepared, store, state), codeId, state.settings.coder);
}

/** One document's rows, built ahead of the change from the segments it had then. */
interface Ahead {
  segments: readonly Segment[];
  coder: string;
  change: Change;
  report: CodeHitsReport;
}

/**
 * Builds each document's rows before the change, yielding between documents: ten thousand
 * new segments (ids, quotes, contexts) are made here, not in the one task that stores them.
 */
async function buildAhead(prepared: readonly Prepared[], codeId: string, store: ProjectStore, ctx: OpContext): Promise<Map<string, Ahead>> {
  const out = new Map<string, Ahead>();
  let sliceStart = performance.now();
  for (const p of prepared) {
    const state = store.getSnapshot();
    const coder = state.settings.coder;
    out.set(p.documentId, { segments: state.segments.inDocument(p.documentId), coder, ...codeHits(targets([p], store, state), codeId, coder, ctx, '') });
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextFrame();
      sliceStart = performance.now();
    }
  }
  return out;
}

/**
 * Codes every prepared span: one change (a new code included), undone by one Undo. Null when
 * refused or failed (the store shows why). For an existing code the rows are built ahead (see
 * buildAhead); a document whose segments changed meanwhile is built again at commit time.
 */
export async function codeAll(prepared: readonly Prepared[], code: CodeChoice, store: ProjectStore): Promise<CodeHitsReport | null> {
  await store.whenLoaded();
  const ahead = 'codeId' in code ? await buildAhead(prepared, code.codeId, store, defaultContext()) : new Map<string, Ahead>();
  let report: CodeHitsReport | null = null;
  const stored = await store.act((ctx, state) => {
    const rec = new ChangeRecorder();
    let codeId: string;
    let name: string;
    if ('codeId' in code) {
      codeId = code.codeId;
      name = state.codes.find((c) => c.id === codeId)?.name ?? '';
    } else {
      const created = createCode(state.codes, { name: code.newName }, ctx);
      for (const [key, row] of Object.entries(created.change.forward.codes)) rec.put('codes', key, created.change.backward.codes[key] ?? null, row);
      codeId = created.code.id;
      name = created.code.name;
    }
    const coder = state.settings.coder;
    const total: CodeHitsReport = { codings: 0, documents: 0, alreadyCoded: 0, shared: 0 };
    for (const p of prepared) {
      const built = ahead.get(p.documentId);
      const current = built && built.segments === state.segments.inDocument(p.documentId) && built.coder === coder;
      const part = current ? built : codeHits(targets([p], store, state), codeId, coder, ctx, '');
      const { forward, backward } = part.change;
      for (const [key, row] of Object.entries(forward.segments ?? {})) rec.put('segments', key, backward.segments?.[key] ?? null, row);
      for (const k of ['codings', 'documents', 'alreadyCoded', 'shared'] as const) total[k] += part.report[k];
    }
    report = total;
    const hits = prepared.reduce((n, p) => n + p.spans.length, 0);
    return rec.build(`Code ${hits.toLocaleString('en')} hits ${name}`.trim());
  });
  return stored ? report : null;
}
