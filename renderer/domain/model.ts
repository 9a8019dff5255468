/**
 * The coding model: codes (a hierarchical codebook), segments (spans of a document) with
 * their codings (code × coder), memos and settings. Pure data + zod schemas; no React, Dexie or Electron here.
 *
 * Offsets: `start`/`end` are UTF-16 code units into the normalised document text
 * (see common/contract.ts), end exclusive. `quote`, `prefix`, `suffix` let a segment be
 * re-anchored when the text changes (W3C TextQuoteSelector semantics).
 */
import { z } from 'zod';
/** Saved searches are rows of the project like codes (their schema lives with the search scope). */
export { SavedSearchSchema, type SavedSearch } from './search/savedSearch';

export const ISO_DATE = z.string().datetime({ offset: true });
export const HEX_COLOUR = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'colour must be #RRGGBB');

export const CodeSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  colour: HEX_COLOUR,
  description: z.string(),
  parentId: z.string().min(1).nullable(),
  /** Digit 1–9 that applies this code to the current selection, or null. */
  shortcut: z.number().int().min(1).max(9).nullable(),
  /**
   * Manual order among its siblings (ascending). Optional: codes written before codes could be
   * reordered, and codes imported from files without an order, have none and sort by name
   * after the ordered ones (domain/codeTree.ts).
   */
  position: z.number().int().nonnegative().optional(),
  createdAt: ISO_DATE,
  updatedAt: ISO_DATE,
});
export type Code = z.infer<typeof CodeSchema>;

/** Number of characters of context kept on each side of a quote for re-anchoring. */
export const CONTEXT_LENGTH = 32;

/**
 * One code put on a segment by one coder. Two coders may put the same code on the same span
 * (two codings); one coder puts a code on a span once.
 */
export const CodingSchema = z.object({
  id: z.string().min(1),
  codeId: z.string().min(1),
  coder: z.string(),
  createdAt: ISO_DATE,
});
export type Coding = z.infer<typeof CodingSchema>;

/**
 * A span of one document (offsets, quote, context, memo) and the codings on it. The codings
 * are stored inside their segment's row: a coding never outlives its span, and one row write
 * keeps a span and its codings consistent in the same transaction.
 */
export const SegmentSchema = z.object({
  id: z.string().min(1),
  documentId: z.string().min(1),
  /** sha256 of the normalised text the offsets were taken in. */
  documentHash: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string().min(1),
  prefix: z.string(),
  suffix: z.string(),
  codings: z.array(CodingSchema).min(1),
  memo: z.string(),
  createdAt: ISO_DATE,
  updatedAt: ISO_DATE,
});
export type Segment = z.infer<typeof SegmentSchema>;

/** A document's memo — or the project's own, keyed by PROJECT_MEMO_KEY instead of a document id (projectMemo.ts). */
export const DocumentMemoSchema = z.object({
  documentId: z.string().min(1),
  text: z.string(),
  updatedAt: ISO_DATE,
});
export type DocumentMemo = z.infer<typeof DocumentMemoSchema>;

/** A coder as the project shows them: the name stamped on codings, a colour and initials. */
export const CoderProfileSchema = z.object({
  name: z.string().trim().min(1).max(100),
  colour: HEX_COLOUR,
  initials: z.string().trim().min(1).max(3),
});
export type CoderProfile = z.infer<typeof CoderProfileSchema>;

export const SettingsSchema = z.object({
  coder: z.string().trim().min(1).max(100),
  /** Colours and initials chosen for coders (others get defaults: domain/coders.ts); absent in older projects. */
  coders: z.array(CoderProfileSchema).optional(),
  /** Blind coding: views show only the current coder's codings until the analyst compares. */
  blindCoding: z.boolean().optional(),
  /** The word-frequency stop words as the analyst edited them (absent: the default English list). */
  searchStopWords: z.string().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** Where a document's text came from, beyond its text: what a segment can report (its PDF page). */
export const DocumentProvenanceSchema = z.object({
  /** The file it was converted from, e.g. "report.pdf". */
  fileName: z.string().max(500).optional(),
  /** PDF: where each page starts (UTF-16 offsets into the normalised text), page 1 first. */
  pageStarts: z.array(z.number().int().nonnegative()).optional(),
  /** Who made the source and when, as the tool it came from says (REFI-QDA creatingUser, creationDateTime). */
  creator: z.string().max(200).optional(),
  createdAt: ISO_DATE.optional(),
});
export type DocumentProvenance = z.infer<typeof DocumentProvenanceSchema>;

/** A document that came in through an import (e.g. a .qdpx, a .docx) and lives in IndexedDB. */
export const ImportedDocumentSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  kind: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  sha256: z.string(),
  text: z.string(),
  source: z.string(),
  importedAt: ISO_DATE,
  /** Absent in rows written before documents were converted from files. */
  provenance: DocumentProvenanceSchema.optional(),
});
export type ImportedDocument = z.infer<typeof ImportedDocumentSchema>;

/**
 * A document attribute (NVivo's classification attribute, MAXQDA's document variable): text,
 * number, date (YYYY-MM-DD) or one of a category's values. Every value is stored as text.
 */
export const AttributeSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(100),
  type: z.enum(['text', 'number', 'date', 'category']),
  /** A category's values, in the order offered. */
  values: z.array(z.string().trim().min(1).max(200)).max(500),
  position: z.number().int().nonnegative(),
});
export type Attribute = z.infer<typeof AttributeSchema>;
export type AttributeType = Attribute['type'];

/**
 * What the project says about one document beyond its text, for corpus documents (whose files
 * are never written) and imported ones alike: a new title, attribute values (by attribute id,
 * overriding the manifest's kind/place/date), or that it was removed from the project.
 */
export const DocumentInfoSchema = z.object({
  documentId: z.string().min(1),
  title: z.string().trim().min(1).max(500).nullable(),
  attributes: z.record(z.string(), z.string().max(10_000)),
  removed: z.boolean(),
  updatedAt: ISO_DATE,
});
export type DocumentInfo = z.infer<typeof DocumentInfoSchema>;

/** Where a segment stands against the current text of its document. */
export type Placement =
  | { status: 'exact'; start: number; end: number }
  | { status: 'moved'; start: number; end: number }
  | { status: 'unplaced' };
