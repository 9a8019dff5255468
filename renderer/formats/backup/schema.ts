/** The backup file's shape (JSON): its header and the project's rows as the model defines them. */
import { z } from 'zod';
import {
  AttributeSchema,
  CodeSchema,
  DocumentInfoSchema,
  DocumentMemoSchema,
  ImportedDocumentSchema,
  ISO_DATE,
  SavedSearchSchema,
  SegmentSchema,
  SettingsSchema,
} from '../../domain/model';

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
  /** Document attributes and each document's title, values and removal (absent in older backups). */
  attributes: z.array(AttributeSchema).optional(),
  documentInfo: z.array(DocumentInfoSchema).optional(),
  /** Saved searches (absent when there are none; older backups held them in `settings.savedSearches`, see legacy.ts). */
  savedSearches: z.array(SavedSearchSchema).optional(),
});
export type Backup = z.infer<typeof BackupSchema>;
