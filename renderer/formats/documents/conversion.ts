/**
 * One file's conversion as the worker and the inline fallback both run it: bytes → normalised
 * text, its hash and provenance, or the reason it is refused. Never throws.
 */
import { sha256Hex } from '../../../common/text/sha256';
import { convertDocument, refusalReason, type ConvertedDocument } from '../../../converters';

export interface ConversionRequest {
  /** Matches the reply to its request. */
  id: number;
  name: string;
  bytes: Uint8Array;
}

export type ConversionReply =
  | { id: number; ok: true; document: ConvertedDocument; sha256: string }
  | { id: number; ok: false; reason: string };

export async function convertDocumentFile({ id, name, bytes }: ConversionRequest): Promise<ConversionReply> {
  try {
    const document = await convertDocument(name, bytes);
    return { id, ok: true, document, sha256: sha256Hex(document.text) };
  } catch (error) {
    return { id, ok: false, reason: refusalReason(error) };
  }
}
