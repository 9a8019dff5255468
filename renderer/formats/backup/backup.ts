/**
 * Project backup: the whole coding state as one JSON file. Keys and rows are written in a
 * fixed order so that export → import → export gives the same bytes (apart from exportedAt),
 * which makes backups diffable and round trips testable.
 */
import {
  AttributeSchema,
  CodeSchema,
  CodingSchema,
  DocumentInfoSchema,
  DocumentMemoSchema,
  ImportedDocumentSchema,
  SavedSearchSchema,
  SegmentSchema,
  SettingsSchema,
  type ImportedDocument,
} from '../../domain/model';
import type { ProjectData } from '../projectData';
import { backupProblems } from './checks';
import { CODE_IDS_BACKUP_VERSION, withCodings, withSavedSearchesOnTop } from './legacy';
import { withSafeIds } from './safeIds';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from './schema';
import { jsonErrorPlace } from '../../../common/text/jsonError';

export { BACKUP_FORMAT, BACKUP_VERSION, BackupSchema, type Backup } from './schema';

/** A backup checked and ready to restore, with what was changed on the way in (e.g. ids re-issued); or why it was refused. */
export type ParseBackupResult = { ok: true; backup: Backup; report: string[] } | { ok: false; message: string };

/** Copies only the schema's keys, in the schema's order. */
function canonical<T extends object>(schema: { shape: Record<string, unknown> }, row: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = (row as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function exportBackup(data: ProjectData, now: Date | string): string {
  const imported: ImportedDocument[] = [...(data.importedDocuments ?? [])].sort((a, b) => byString(a.id, b.id));
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: typeof now === 'string' ? now : now.toISOString(),
    documents: data.documents.map((d) => ({ id: d.id, title: d.title, sha256: d.sha256 })),
    codes: [...data.codes].sort((a, b) => byString(a.id, b.id)).map((c) => canonical(CodeSchema, c)),
    segments: [...data.segments]
      .sort((a, b) => byString(a.documentId, b.documentId) || a.start - b.start || a.end - b.end || byString(a.id, b.id))
      .map((s) => canonical(SegmentSchema, { ...s, codings: s.codings.map((c) => canonical(CodingSchema, c)) })),
    memos: [...data.memos]
      .sort((a, b) => byString(a.documentId, b.documentId))
      .map((m) => canonical(DocumentMemoSchema, m)),
    settings: canonical(SettingsSchema, data.settings),
  };
  if (imported.length) backup.importedDocuments = imported.map((d) => canonical(ImportedDocumentSchema, d));
  if (data.attributeRows?.length) backup.attributes = [...data.attributeRows].sort((a, b) => byString(a.id, b.id)).map((a) => canonical(AttributeSchema, a));
  if (data.documentInfo?.length) {
    backup.documentInfo = [...data.documentInfo].sort((a, b) => byString(a.documentId, b.documentId)).map((i) => canonical(DocumentInfoSchema, i));
  }
  if (data.savedSearches?.length) backup.savedSearches = [...data.savedSearches].sort((a, b) => byString(a.id, b.id)).map((s) => canonical(SavedSearchSchema, s));
  return JSON.stringify(backup, null, 2) + '\n';
}

/** "segments[3].start" from a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function jsonErrorMessage(text: string, error: unknown): string {
  const { at, reason } = jsonErrorPlace(text, error);
  return at ? `The file is not valid JSON (${at}): ${reason}` : `The file is not valid JSON: ${reason}`;
}

const listProblems = (problems: string[]) =>
  problems.slice(0, 5).join('; ') + (problems.length > 5 ? `; and ${problems.length - 5} more` : '');

export function parseBackup(text: string): ParseBackupResult {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return { ok: false, message: jsonErrorMessage(text, error) };
  }
  return checkBackup(json);
}

/** A backup's parsed JSON (or a project folder's rows in its shape, formats/projectFolder), checked by every rule a backup file is. */
export function checkBackup(json: unknown): ParseBackupResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, message: 'This is not a Marginalia backup: expected a JSON object.' };
  }
  const head = json as { format?: unknown; version?: unknown };
  if (head.format !== BACKUP_FORMAT) {
    return { ok: false, message: `This is not a Marginalia backup (format is ${JSON.stringify(head.format ?? null)}, expected "${BACKUP_FORMAT}").` };
  }
  if (head.version !== BACKUP_VERSION && head.version !== CODE_IDS_BACKUP_VERSION) {
    return {
      ok: false,
      message: `Backup version ${JSON.stringify(head.version ?? null)} is not supported; this version of Marginalia reads versions ${CODE_IDS_BACKUP_VERSION} and ${BACKUP_VERSION}.`,
    };
  }
  const report: string[] = [];
  const current = withSavedSearchesOnTop(head.version === BACKUP_VERSION ? (json as Record<string, unknown>) : withCodings(json as Record<string, unknown>, BACKUP_VERSION, report));
  const parsed = BackupSchema.safeParse(current);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${pathText(issue.path) || '(root)'}: ${issue.message}`);
    return { ok: false, message: `The backup is damaged: ${listProblems(problems)}` };
  }
  const backup = withSafeIds(parsed.data, report);
  const problems = backupProblems(backup);
  if (problems.length) return { ok: false, message: `The backup is inconsistent: ${listProblems(problems)}` };
  return { ok: true, backup, report };
}
