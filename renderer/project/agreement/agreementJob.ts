/**
 * Comparing coders: which documents are compared, their texts and placed segments (the
 * project's placements, so offsets are those of the current texts, opened or not), and the
 * table computed off the main thread.
 */
import type { AgreementResult } from '../../domain/agreement/computeAgreement';
import { agreementInput } from '../../domain/agreement/agreementInput';
import type { Segment } from '../../domain/model';
import type { ReadableDocument } from '../corpus';
import type { ProjectStore } from '../projectStore';
import { computeAgreementOffThread } from './offThread';

/** Which documents are compared: those every compared coder coded, those any of them coded, or all. */
export type DocumentScope = 'every' | 'any' | 'all';

export interface AgreementRequest {
  /** Two or more coders. */
  coders: readonly string[];
  /** The two compared pairwise (kappa, segment agreement, disagreements). */
  pair: readonly [string, string];
  codeIds: readonly string[];
  scope: DocumentScope;
  /** Segment agreement's overlap share, 0–1. */
  overlap: number;
}

export interface AgreementRun {
  request: AgreementRequest;
  result: AgreementResult;
  /** The compared documents, in listing order, and their texts (for quotes and for resolving into the consensus). */
  documents: readonly ReadableDocument[];
  texts: ReadonlyMap<string, string>;
  /** Codings of the compared coders whose passage is no longer in the current text: left out. */
  unplaced: number;
}

type Segments = { inDocument(documentId: string): readonly Segment[] };

/** The listed documents in scope, judged by who coded anything (any code) in each. */
export function documentsInScope(listing: readonly ReadableDocument[], segments: Segments, coders: readonly string[], scope: DocumentScope): ReadableDocument[] {
  if (scope === 'all') return [...listing];
  return listing.filter((doc) => {
    const here = new Set<string>();
    for (const s of segments.inDocument(doc.id)) for (const c of s.codings) here.add(c.coder);
    return scope === 'every' ? coders.every((c) => here.has(c)) : coders.some((c) => here.has(c));
  });
}

export async function runAgreement(
  store: ProjectStore,
  listing: readonly ReadableDocument[],
  textOf: (documentId: string) => Promise<string>,
  request: AgreementRequest,
): Promise<AgreementRun> {
  await store.whenLoaded();
  const { segments } = store.getSnapshot();
  const documents = documentsInScope(listing, segments, request.coders, request.scope);
  const texts = await Promise.all(documents.map((d) => textOf(d.id)));
  const coders = new Set(request.coders);
  let unplaced = 0;
  const compared = documents.map((doc, i) => {
    const text = texts[i]!;
    const placement = store.placements.place(doc.id, segments.inDocument(doc.id), text, doc.sha256);
    for (const s of placement.unplaced) unplaced += s.codings.filter((c) => coders.has(c.coder)).length;
    return { id: doc.id, length: text.length, segments: placement.placed };
  });
  const input = agreementInput({ documents: compared, codeIds: request.codeIds, coders: request.coders, pair: request.pair, overlap: request.overlap });
  const byId = new Map(documents.map((d, i) => [d.id, texts[i]!]));
  return { request, result: await computeAgreementOffThread(input), documents, texts: byId, unplaced };
}
