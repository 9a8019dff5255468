/** Every memo of the project in one list: the project memo first, then document memos, passage (segment) memos and code descriptions. Pure. */
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { Code, DocumentMemo, Segment } from '../../domain/model';
import { documentMemos, projectMemoOf } from '../../domain/projectMemo';
import type { CsvCell } from './tableCsv';

export type MemoKind = 'project' | 'document' | 'segment' | 'code';
export const MEMO_KINDS: Record<MemoKind, string> = { project: 'Project memo', document: 'Document memo', segment: 'Passage memo', code: 'Code description' };

export interface MemoEntry {
  kind: MemoKind;
  key: string;
  /** What the memo is about: the project's name, a document's title, a code's path. */
  about: string;
  text: string;
  /** A passage memo's passage. */
  segment?: Segment;
  updatedAt: string;
}

export function collectMemos(
  codes: readonly Code[],
  memos: readonly DocumentMemo[],
  segments: readonly Segment[],
  titles: ReadonlyMap<string, string>,
  documentOrder: readonly string[],
  projectName = 'This project',
): MemoEntry[] {
  const byId = codesById(codes);
  const rank = new Map(documentOrder.map((id, i) => [id, i]));
  const byDocument = (id: string) => rank.get(id) ?? Number.MAX_SAFE_INTEGER;
  const project = projectMemoOf(memos);
  const projectEntry: MemoEntry[] =
    project && project.text.trim() ? [{ kind: 'project', key: 'p:', about: projectName, text: project.text, updatedAt: project.updatedAt }] : [];
  const documents = documentMemos(memos)
    .filter((m) => m.text.trim())
    .sort((a, b) => byDocument(a.documentId) - byDocument(b.documentId))
    .map((m): MemoEntry => ({ kind: 'document', key: `d:${m.documentId}`, about: titles.get(m.documentId) ?? m.documentId, text: m.text, updatedAt: m.updatedAt }));
  const passages = segments
    .filter((s) => s.memo.trim())
    .sort((a, b) => byDocument(a.documentId) - byDocument(b.documentId) || a.start - b.start)
    .map((s): MemoEntry => ({ kind: 'segment', key: `s:${s.id}`, about: titles.get(s.documentId) ?? s.documentId, text: s.memo, segment: s, updatedAt: s.updatedAt }));
  const descriptions = flattenTree(codes)
    .filter(({ code }) => code.description.trim())
    .map(({ code }): MemoEntry => ({ kind: 'code', key: `c:${code.id}`, about: codePath(byId, code.id), text: code.description, updatedAt: code.updatedAt }));
  return [...projectEntry, ...documents, ...passages, ...descriptions];
}

const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Entries of the kinds kept whose memo, subject or passage holds the text (case and accents ignored). */
export function searchMemos(entries: readonly MemoEntry[], text: string, kinds: ReadonlySet<MemoKind>): MemoEntry[] {
  const needle = fold(text.trim());
  return entries.filter((e) => kinds.has(e.kind) && (!needle || fold(`${e.text}\n${e.about}\n${e.segment?.quote ?? ''}`).includes(needle)));
}

export const MEMO_CSV_HEADER = ['kind', 'about', 'memo', 'quote', 'document_id', 'segment_id', 'updated_at'];

export const memoCsvRows = (entries: readonly MemoEntry[]): CsvCell[][] =>
  entries.map((e) => [MEMO_KINDS[e.kind], e.about, e.text, e.segment?.quote ?? '', e.segment?.documentId ?? (e.kind === 'document' ? e.key.slice(2) : ''), e.segment?.id ?? '', e.updatedAt]);
