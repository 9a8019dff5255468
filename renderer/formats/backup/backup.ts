/**
 * Project backup: the whole coding state as one JSON file. Keys and rows are written in a
 * fixed order so that export → import → export gives the same bytes (apart from exportedAt),
 * which makes backups diffable and round trips testable.
 */
import { z } from 'zod';
import {
  CodeSchema,
  CodingSchema,
  DocumentMemoSchema,
  ImportedDocumentSchema,
  ISO_DATE,
  SegmentSchema,
  SettingsSchema,
  type ImportedDocument,
} from '../../domain/model';
import type { ProjectData } from '../projectData';
import { CODE_IDS_BACKUP_VERSION, withCodings } from './legacy';

export const BACKUP_FORMAT = 'marginalia-project';
/** 2: codings as rows inside their segments; 1 (codeIds + coder per segment) is still read. */
export const BACKUP_VERSION = 2;

const BackupDocumentSchema = z.object({ id: z.string().min(1), title: z.string(), sha256: z.string() });

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: ISO_DATE,
  documents: z.array(BackupDocumentSchema),
  codes: z.array(CodeSchema),
  segments: z.array(SegmentSchema),
  memos: z.array(DocumentMemoSchema),
  settings: SettingsSchema,
  importedDocuments: z.array(ImportedDocumentSchema).optional(),
});
export type Backup = z.infer<typeof BackupSchema>;

export type ParseBackupResult = { ok: true; backup: Backup } | { ok: false; message: string };

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
  return JSON.stringify(backup, null, 2) + '\n';
}

/** "segments[3].start" from a zod issue path. */
function pathText(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
    .join('');
}

function jsonErrorMessage(text: string, error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const position = /position (\d+)/.exec(raw);
  if (!position || /line \d+/.test(raw)) return `The file is not valid JSON: ${raw}`;
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `The file is not valid JSON (line ${line}, column ${column}): ${raw}`;
}

/** Ids that must resolve: the codebook is a tree, segments and memos point at known codes and documents. */
function referentialProblems(backup: Backup): string[] {
  const problems: string[] = [];
  const duplicates = (label: string, keys: string[]) => {
    const seen = new Set<string>();
    keys.forEach((key, i) => {
      if (seen.has(key)) problems.push(`${label}[${i}]: duplicate id "${key}"`);
      seen.add(key);
    });
  };
  duplicates('codes', backup.codes.map((c) => c.id));
  duplicates('segments', backup.segments.map((s) => s.id));
  duplicates('memos', backup.memos.map((m) => m.documentId));

  const codes = new Map(backup.codes.map((c) => [c.id, c]));
  backup.codes.forEach((code, i) => {
    if (code.parentId === null) return;
    if (!codes.has(code.parentId)) {
      problems.push(`codes[${i}].parentId: parent code "${code.parentId}" is not in the codebook`);
      return;
    }
    const seen = new Set([code.id]);
    for (let p = codes.get(code.parentId); p; p = p.parentId ? codes.get(p.parentId) : undefined) {
      if (seen.has(p.id)) {
        problems.push(`codes[${i}].parentId: code "${code.name}" is its own ancestor`);
        break;
      }
      seen.add(p.id);
    }
  });

  const texts = new Map<string, string | null>(backup.documents.map((d) => [d.id, null]));
  for (const d of backup.importedDocuments ?? []) texts.set(d.id, d.text);
  backup.segments.forEach((s, i) => {
    if (!texts.has(s.documentId)) problems.push(`segments[${i}].documentId: document "${s.documentId}" is not in the backup`);
    if (s.end <= s.start) problems.push(`segments[${i}].end: must be greater than start (${s.start})`);
    const text = texts.get(s.documentId);
    if (text != null && s.end > text.length) problems.push(`segments[${i}].end: beyond the end of its document`);
    const applied = new Set<string>();
    s.codings.forEach((c, j) => {
      if (!codes.has(c.codeId)) problems.push(`segments[${i}].codings[${j}].codeId: code "${c.codeId}" is not in the codebook`);
      // One coder puts a code on a span once (see model.ts).
      const key = `${c.codeId}\u0000${c.coder}`;
      if (applied.has(key)) problems.push(`segments[${i}].codings[${j}]: ${c.coder || 'a coder'} has this code twice`);
      applied.add(key);
    });
  });
  backup.memos.forEach((m, i) => {
    if (!texts.has(m.documentId)) problems.push(`memos[${i}].documentId: document "${m.documentId}" is not in the backup`);
  });
  return problems;
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
  const current = head.version === BACKUP_VERSION ? json : withCodings(json as Record<string, unknown>, BACKUP_VERSION);
  const parsed = BackupSchema.safeParse(current);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${pathText(issue.path) || '(root)'}: ${issue.message}`);
    return { ok: false, message: `The backup is damaged: ${listProblems(problems)}` };
  }
  const problems = referentialProblems(parsed.data);
  if (problems.length) return { ok: false, message: `The backup is inconsistent: ${listProblems(problems)}` };
  return { ok: true, backup: parsed.data };
}
