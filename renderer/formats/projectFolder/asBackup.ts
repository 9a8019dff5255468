/**
 * A project folder's content as a backup's rows, so it comes in by the very path a backup takes
 * (replace or merge, codes matched by path and mapped by the analyst, one Undo, a report) and is
 * checked by the same rules. Where main's content and the model part ways, rows are left out
 * with a line each in the report, never silently and never the whole project for one row:
 * - a document whose text is unavailable (its file missing or damaged), with its segments, memo
 *   and info — a segment cannot be shown, or checked, without its text;
 * - a row that does not fit the model (as the app sets such rows aside when it loads a project),
 *   codes under a left-out code, codings of a left-out code, segments left with no coding.
 * A project folder does not list its corpus documents: those its segments and memos point into
 * are named by id, with no hash (`sha256` ''), and found by id in the corpus imported into.
 */
import { PROJECT_MEMO_KEY } from '../../domain/projectMemo';
import {
  AttributeSchema,
  CodeSchema,
  DocumentInfoSchema,
  DocumentMemoSchema,
  ImportedDocumentSchema,
  SavedSearchSchema,
  SegmentSchema,
  SettingsSchema,
  type Code,
  type Segment,
} from '../../domain/model';
import { UNAVAILABLE_FIELD } from '../../../common/projectDocuments';
import type { ProjectContent } from '../../../common/projectApi';
import type { ProjectRow } from '../../../common/projectFile';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../backup/schema';
import type { z } from 'zod';
import { plural } from '../../../common/plural';

/** Rows that fit the schema, and a report line for those that do not. */
function fitting<T>(rows: readonly ProjectRow[], schema: z.ZodType<T>, nouns: [string, string], report: string[]): T[] {
  const kept: T[] = [];
  for (const row of rows) {
    const parsed = schema.safeParse(row);
    if (parsed.success) kept.push(parsed.data);
  }
  const left = rows.length - kept.length;
  if (left > 0) report.push(`${plural(left, ...nouns)} of the project did not fit this version's model and were left out.`);
  return kept;
}

/** Codes whose parent is in the codebook, through every level (a code under a left-out code goes too). */
function rootedCodes(codes: Code[], report: string[]): Code[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const rooted = new Map<string, boolean>();
  const isRooted = (code: Code, seen = new Set<string>()): boolean => {
    const known = rooted.get(code.id);
    if (known !== undefined) return known;
    if (code.parentId === null) return true;
    const parent = byId.get(code.parentId);
    const ok = parent !== undefined && !seen.has(code.id) && isRooted(parent, seen.add(code.id));
    rooted.set(code.id, ok);
    return ok;
  };
  const kept = codes.filter((c) => isRooted(c));
  if (kept.length < codes.length) report.push(`${plural(codes.length - kept.length, 'code was', 'codes were')} left out: their parent code is not in the project.`);
  return kept;
}

export function backupOfContent(content: ProjectContent, fallbackCoder: string, now: string): { json: Record<string, unknown>; report: string[] } {
  const report: string[] = [];
  const { tables } = content;
  const unavailable = new Set<string>();
  const documentRows: ProjectRow[] = [];
  for (const row of tables.documents) {
    if (typeof row[UNAVAILABLE_FIELD] !== 'string') {
      documentRows.push(row);
      continue;
    }
    unavailable.add(String(row.id));
    const segments = tables.segments.filter((s) => s.documentId === row.id).length;
    report.push(
      `The document “${String(row.title ?? row.id)}” was not imported: ${String(row[UNAVAILABLE_FIELD])}. Its ${plural(segments, 'segment', 'segments')} and memo were left out; ask for the project again with that file whole.`,
    );
  }
  const importedDocuments = fitting(documentRows, ImportedDocumentSchema, ['imported document', 'imported documents'], report);
  const imported = new Set(importedDocuments.map((d) => d.id));
  const documentIds = new Set(tables.documents.map((d) => String(d.id)));
  const leftOutDocument = (id: string) => documentIds.has(id) && !imported.has(id);

  const codes = rootedCodes(fitting(tables.codes, CodeSchema as z.ZodType<Code>, ['code', 'codes'], report), report);
  const codeIds = new Set(codes.map((c) => c.id));
  let codingsLeft = 0;
  let segmentsEmptied = 0;
  const segments: Segment[] = [];
  for (const segment of fitting(tables.segments.filter((s) => !leftOutDocument(String(s.documentId))), SegmentSchema as z.ZodType<Segment>, ['segment', 'segments'], report)) {
    const codings = segment.codings.filter((c) => codeIds.has(c.codeId));
    codingsLeft += segment.codings.length - codings.length;
    if (codings.length === 0) segmentsEmptied++;
    else segments.push(codings.length === segment.codings.length ? segment : { ...segment, codings });
  }
  if (codingsLeft > 0) {
    report.push(`${plural(codingsLeft, 'coding was', 'codings were')} left out with their codes${segmentsEmptied ? `, and ${plural(segmentsEmptied, 'segment', 'segments')} with no coding left` : ''}.`);
  }
  const memos = fitting(tables.memos.filter((m) => !leftOutDocument(String(m.documentId))), DocumentMemoSchema, ['memo', 'memos'], report);
  const documentInfo = fitting(tables.documentInfo.filter((i) => !leftOutDocument(String(i.documentId))), DocumentInfoSchema, ['document title or attribute value', 'document titles or attribute values'], report);

  // The corpus documents the project points into: by id, their hashes unknown.
  const corpusIds = new Set([...segments.map((s) => s.documentId), ...memos.map((m) => m.documentId)].filter((id) => id !== PROJECT_MEMO_KEY && !imported.has(id)));
  const titles = new Map(documentInfo.map((i) => [i.documentId, i.title]));
  const settings = SettingsSchema.safeParse(content.settings);
  return {
    json: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: now,
      documents: [...corpusIds].map((id) => ({ id, title: titles.get(id) ?? id, sha256: '' })),
      codes,
      segments,
      memos,
      settings: settings.success ? settings.data : { coder: fallbackCoder },
      importedDocuments,
      attributes: fitting(tables.attributes, AttributeSchema, ['attribute', 'attributes'], report),
      documentInfo,
      savedSearches: fitting(tables.savedSearches, SavedSearchSchema, ['saved search', 'saved searches'], report),
    },
    report,
  };
}
