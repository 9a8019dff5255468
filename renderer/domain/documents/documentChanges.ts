/**
 * What the analyst does to documents as a whole — add converted files, rename, remove (with
 * their segments and memo), define attributes and fill their values — each one undoable Change.
 * Corpus files are never written: a corpus document's title, values and removal are rows of
 * the project keyed by its id (DocumentInfo), as for imported documents.
 */
import { DomainError, type Change } from '../change';
import { ChangeRecorder, type OpContext } from '../context';
import type { Attribute, AttributeType, DocumentInfo, DocumentMemo, ImportedDocument, Segment } from '../model';
import { checkedValue, isBuiltInAttribute, allAttributes } from './attributes';

export interface DocumentState {
  documents: readonly ImportedDocument[];
  documentInfo: readonly DocumentInfo[];
  attributes: readonly Attribute[];
  memos: readonly DocumentMemo[];
  segments: { inDocument(documentId: string): readonly Segment[] };
}

const infoOf = (state: DocumentState, documentId: string) => state.documentInfo.find((i) => i.documentId === documentId);
const blankInfo = (documentId: string, now: string): DocumentInfo => ({ documentId, title: null, attributes: {}, removed: false, updatedAt: now });

/** Stores converted files as imported documents: one change, one Undo. */
export function addDocuments(documents: readonly ImportedDocument[]): Change {
  const recorder = new ChangeRecorder();
  for (const document of documents) recorder.put('documents', document.id, null, document);
  return recorder.build(documents.length === 1 ? `Add document “${documents[0]!.title}”` : `Add ${documents.length} documents`);
}

export function renameDocument(state: DocumentState, documentId: string, title: string, ctx: OpContext): Change {
  const name = title.trim().replace(/\s+/g, ' ');
  if (name === '') throw new DomainError('A document needs a title.');
  if (name.length > 500) throw new DomainError('A title is at most 500 characters.');
  const before = infoOf(state, documentId) ?? null;
  const recorder = new ChangeRecorder();
  recorder.put('documentInfo', documentId, before, { ...(before ?? blankInfo(documentId, ctx.now)), title: name, updatedAt: ctx.now });
  return recorder.build(`Rename document “${name}”`);
}

/**
 * Removes a document from the project with its segments (and so their codings) and its memo. An
 * imported document's row goes; a corpus document is marked removed (its file stays on disk).
 */
export function removeDocument(state: DocumentState, documentId: string, title: string, ctx: OpContext): Change {
  const recorder = new ChangeRecorder();
  for (const segment of state.segments.inDocument(documentId)) recorder.put('segments', segment.id, segment, null);
  const memo = state.memos.find((m) => m.documentId === documentId);
  if (memo) recorder.put('memos', documentId, memo, null);
  const imported = state.documents.find((d) => d.id === documentId);
  const info = infoOf(state, documentId) ?? null;
  if (imported) {
    recorder.put('documents', documentId, imported, null);
    if (info) recorder.put('documentInfo', documentId, info, null);
  } else {
    recorder.put('documentInfo', documentId, info, { ...(info ?? blankInfo(documentId, ctx.now)), removed: true, updatedAt: ctx.now });
  }
  return recorder.build(`Remove document “${title}”`);
}

export function defineAttribute(state: DocumentState, name: string, type: AttributeType, values: readonly string[], ctx: OpContext): Change {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed === '') throw new DomainError('An attribute needs a name.');
  const taken = allAttributes(state.attributes).some((a) => a.name.toLocaleLowerCase() === trimmed.toLocaleLowerCase());
  if (taken) throw new DomainError(`There is already an attribute “${trimmed}”.`);
  const categoryValues = [...new Set(values.map((v) => v.trim()).filter(Boolean))];
  if (type === 'category' && categoryValues.length === 0) throw new DomainError('A category needs at least one value.');
  const attribute: Attribute = {
    id: ctx.newId(),
    name: trimmed,
    type,
    values: type === 'category' ? categoryValues : [],
    position: state.attributes.reduce((max, a) => Math.max(max, a.position + 1), 0),
  };
  const recorder = new ChangeRecorder();
  recorder.put('attributes', attribute.id, null, attribute);
  return recorder.build(`Define attribute “${attribute.name}”`);
}

/** Sets (or, with '', clears) a document's value of an attribute, checked against its type. */
export function setAttributeValue(state: DocumentState, documentId: string, attributeId: string, raw: string, ctx: OpContext): Change {
  const attribute = allAttributes(state.attributes).find((a) => a.id === attributeId);
  if (!attribute) throw new DomainError('That attribute no longer exists.');
  const value = checkedValue(attribute, raw);
  const before = infoOf(state, documentId) ?? null;
  const attributes = { ...(before?.attributes ?? {}) };
  // A built-in attribute keeps an explicit '' (it overrides the manifest); another is simply cleared.
  if (value === '' && !isBuiltInAttribute(attributeId)) delete attributes[attributeId];
  else attributes[attributeId] = value;
  const recorder = new ChangeRecorder();
  recorder.put('documentInfo', documentId, before, { ...(before ?? blankInfo(documentId, ctx.now)), attributes, updatedAt: ctx.now });
  return recorder.build(`Set ${attribute.name}${value ? ` to “${value}”` : ' (cleared)'}`);
}
