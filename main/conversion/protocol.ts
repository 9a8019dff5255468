/** What main's thread and the converter thread (conversionWorker.ts) say to each other. */
import type { ConvertedDocument } from '../../converters/convert';

/** A file to convert: its name (for its kind) and its bytes, handed over (transferred), not copied. */
export interface ConversionRequest {
  id: number;
  fileName: string;
  bytes: ArrayBuffer;
}

/** The converted document, or the reason it cannot be one (converters/convert.ts refusalReason). */
export type ConversionReply = { id: number; ok: true; document: ConvertedDocument } | { id: number; ok: false; reason: string };
