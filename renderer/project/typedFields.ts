/**
 * The fields the analyst writes in and that are saved as they type (memos, a code's
 * description), named so that typing rescued when the page was left (ui/unsavedTyping.ts) can
 * be stored at the next start, by the same operation the field itself uses.
 */
import type { Change } from '../domain/change';
import { updateCode } from '../domain/codebook';
import { PROJECT_MEMO_KEY, projectMemoOf, setProjectMemo } from '../domain/projectMemo';
import { setDocumentMemo, setSegmentMemo } from '../domain/segments';
import { DomainError } from '../domain/change';
import type { ProjectSnapshot, ProjectStore } from './projectStore';

export type TypedField =
  /** A document's memo, or the project memo (documentId PROJECT_MEMO_KEY). */
  | { kind: 'memo'; documentId: string }
  | { kind: 'segmentMemo'; documentId: string; segmentId: string }
  | { kind: 'codeDescription'; codeId: string };

export const typedFieldKey = (field: TypedField): string => JSON.stringify(field);

function typedFieldOf(key: string): TypedField | null {
  try {
    const field = JSON.parse(key) as TypedField;
    if (field.kind === 'memo' && typeof field.documentId === 'string') return field;
    if (field.kind === 'segmentMemo' && typeof field.documentId === 'string' && typeof field.segmentId === 'string') return field;
    if (field.kind === 'codeDescription' && typeof field.codeId === 'string') return field;
  } catch {
    // not a key of ours
  }
  return null;
}

/** Stores what the analyst typed in a field: one undoable change (none when it is stored already). */
export function saveTypedField(store: ProjectStore, field: TypedField, text: string): Promise<Change | null> {
  switch (field.kind) {
    case 'memo':
      if (field.documentId === PROJECT_MEMO_KEY) return store.act((ctx, state) => setProjectMemo(projectMemoOf(state.memos), text, ctx));
      return store.act(
        (ctx, state) => setDocumentMemo(state.memos.find((m) => m.documentId === field.documentId) ?? null, field.documentId, text, ctx),
        { documentId: field.documentId },
      );
    case 'segmentMemo':
      return store.act((ctx, state) => setSegmentMemo(storedSegment(state, field), text, ctx), { documentId: field.documentId });
    case 'codeDescription':
      return store.act((ctx, state) => updateCode(state.codes, field.codeId, { description: text }, ctx));
  }
}

function storedSegment(state: ProjectSnapshot, field: { documentId: string; segmentId: string }) {
  const segment = state.segments.find(field.segmentId, field.documentId);
  if (!segment) throw new DomainError('This segment no longer exists');
  return segment;
}

/** Whether the field still exists (typing rescued for a code deleted since has nowhere to go). */
function fieldExists(snapshot: ProjectSnapshot, field: TypedField): boolean {
  if (field.kind === 'codeDescription') return snapshot.codes.some((c) => c.id === field.codeId);
  if (field.kind === 'segmentMemo') return snapshot.segments.find(field.segmentId, field.documentId) !== undefined;
  return true;
}

/**
 * Stores typing rescued when the page was last left. The analyst's last words win over what is
 * stored (the change is undoable, so the stored text is one Undo away). Returns the typing that
 * could not be stored (a read-only project), to be kept for a later start.
 */
export async function storeRescuedTyping<T extends { key: string; text: string }>(store: ProjectStore, rescued: readonly T[]): Promise<T[]> {
  const kept: T[] = [];
  for (const typing of rescued) {
    const field = typedFieldOf(typing.key);
    if (field === null) continue;
    if (field.kind !== 'memo') await store.whenLoaded(); // segments and codes to find the field in
    if (!fieldExists(store.getSnapshot(), field)) continue;
    if ((await saveTypedField(store, field, typing.text)) === null) kept.push(typing);
  }
  return kept;
}
