/**
 * A backup against the corpus it is restored into. Corpus documents are the host's files: an
 * imported document of the backup must never stand in for one (it would change what the reader
 * shows while exports read the file), and the backup's offsets into corpus texts are claims to
 * check, not facts. Placement checks every stored segment's quote at its offsets before using
 * them (domain/anchoring.ts placeSegment) and re-anchors or lists as unplaced what does not
 * match, so nothing is trusted blindly; where the job has the texts, the report says up front
 * how many will need it.
 */
import type { ImportedDocument } from '../../domain/model';
import type { Backup } from '../../formats/backup/backup';
import { reissuedId } from '../../formats/fileIds';
import { plural } from '../../../common/plural';

/** A corpus document as the listing gives it. */
export interface CorpusRef {
  id: string;
  title: string;
  sha256: string;
}

/**
 * The backup with no imported document on a corpus id: one with the corpus document's very text
 * is that document (not stored again; its segments and memo attach to it); one with another
 * text gets a new id, and its segments and memo follow it.
 */
export function withoutCorpusShadows(backup: Backup, corpus: readonly CorpusRef[]): { backup: Backup; notes: string[] } {
  const corpusById = new Map(corpus.map((d) => [d.id, d]));
  const imported = backup.importedDocuments ?? [];
  if (!imported.some((d) => corpusById.has(d.id))) return { backup, notes: [] };
  const notes: string[] = [];
  const taken = new Set([...corpusById.keys(), ...backup.documents.map((d) => d.id), ...imported.map((d) => d.id)]);
  const renamed = new Map<string, string>();
  const kept: ImportedDocument[] = [];
  for (const doc of imported) {
    const here = corpusById.get(doc.id);
    if (!here) kept.push(doc);
    else if (here.sha256 === doc.sha256) {
      notes.push(`The imported document "${doc.title}" is the corpus document "${here.title}" (same id, same text): it was not stored again, its segments and memo are the corpus document's.`);
    } else {
      const id = reissuedId('document', doc.id, taken);
      taken.add(id);
      renamed.set(doc.id, id);
      kept.push({ ...doc, id });
      notes.push(`The imported document "${doc.title}" has the id of the corpus document "${here.title}" but another text: it was restored as a separate document with a new id, with its segments and memo.`);
    }
  }
  const follow = (id: string) => renamed.get(id) ?? id;
  return {
    backup: {
      ...backup,
      importedDocuments: kept,
      documents: backup.documents.map((d) => (renamed.has(d.id) ? { ...d, id: follow(d.id) } : d)),
      segments: backup.segments.map((s) => (renamed.has(s.documentId) ? { ...s, documentId: follow(s.documentId) } : s)),
      memos: backup.memos.map((m) => (renamed.has(m.documentId) ? { ...m, documentId: follow(m.documentId) } : m)),
    },
    notes,
  };
}

/** The corpus documents whose text the backup's segments point into (imported ones carry theirs). */
export function corpusDocumentsCoded(backup: Backup, corpus: readonly CorpusRef[]): string[] {
  const importedIds = new Set((backup.importedDocuments ?? []).map((d) => d.id));
  const corpusIds = new Set(corpus.map((d) => d.id));
  return [...new Set(backup.segments.map((s) => s.documentId))].filter((id) => corpusIds.has(id) && !importedIds.has(id));
}

/** One line per corpus document (its text in `texts`) some of whose segments do not sit where their offsets say. */
export function offsetNotes(backup: Backup, corpus: readonly CorpusRef[], texts: ReadonlyMap<string, string>): string[] {
  const misplaced = new Map<string, number>();
  for (const s of backup.segments) {
    const text = texts.get(s.documentId);
    if (text === undefined) continue;
    if (s.end > text.length || !text.startsWith(s.quote, s.start)) misplaced.set(s.documentId, (misplaced.get(s.documentId) ?? 0) + 1);
  }
  const titles = new Map(corpus.map((d) => [d.id, d.title]));
  return [...misplaced].map(
    ([id, n]) =>
      n === 1
        ? `1 segment of "${titles.get(id) ?? id}" does not match its text at its offsets (beyond its end, or another passage there): it is placed again by its quote, or listed as unplaced, never used where it points.`
        : `${plural(n, 'segment')} of "${titles.get(id) ?? id}" do not match its text at their offsets (beyond its end, or another passage there): they are placed again by their quotes, or listed as unplaced, never used where they point.`,
  );
}
