/**
 * A hand-written check of a stored segment row, equal to SegmentSchema but ~20× faster: without
 * eval (the app's CSP forbids it) zod takes ~0.6 s to check the 100,000 segments of a large
 * project, a quarter of their read. It may be stricter than the schema, never looser: a row it
 * refuses is checked again by zod (see setAside.ts), and segmentCheck.test.ts holds the two
 * to the same answers field by field.
 */
import { regexes } from 'zod';

/** The pattern of model.ts's ISO_DATE (z.string().datetime({ offset: true })). */
const ISO_DATE = regexes.datetime({ offset: true });

export const isText = (v: unknown): v is string => typeof v === 'string';
export const isNonEmpty = (v: unknown) => typeof v === 'string' && v.length > 0;
export const isDate = (v: unknown) => typeof v === 'string' && ISO_DATE.test(v);
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isWellFormedCoding(c: unknown): boolean {
  return isRecord(c) && isNonEmpty(c.id) && isNonEmpty(c.codeId) && isText(c.coder) && isDate(c.createdAt);
}

export function isWellFormedSegment(row: unknown): boolean {
  if (!isRecord(row)) return false;
  const { start, end, codings } = row;
  return (
    isNonEmpty(row.id) &&
    isNonEmpty(row.documentId) &&
    isText(row.documentHash) &&
    Number.isSafeInteger(start) &&
    (start as number) >= 0 &&
    Number.isSafeInteger(end) &&
    (end as number) > 0 &&
    isNonEmpty(row.quote) &&
    isText(row.prefix) &&
    isText(row.suffix) &&
    Array.isArray(codings) &&
    codings.length > 0 &&
    codings.every(isWellFormedCoding) &&
    isText(row.memo) &&
    isDate(row.createdAt) &&
    isDate(row.updatedAt)
  );
}
