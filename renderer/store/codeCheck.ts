/**
 * A hand-written check of a stored code row, equal to CodeSchema but much faster, as
 * segmentCheck.ts is for segments: zod took ~60 ms of a start with 20,000 codes. It may be
 * stricter than the schema, never looser: a row it refuses is checked again by zod (see
 * setAside.ts), and codeCheck.test.ts holds the two to the same answers field by field.
 */
import { isDate, isNonEmpty, isRecord, isText } from './segmentCheck';

const COLOUR = /^#[0-9a-fA-F]{6}$/;
const MAX_NAME_LENGTH = 200;

export function isWellFormedCode(row: unknown): boolean {
  if (!isRecord(row)) return false;
  const { name, colour, parentId, shortcut, position } = row;
  const trimmed = isText(name) ? name.trim().length : 0;
  return (
    isNonEmpty(row.id) &&
    trimmed >= 1 &&
    trimmed <= MAX_NAME_LENGTH &&
    isText(colour) &&
    COLOUR.test(colour) &&
    isText(row.description) &&
    (parentId === null || isNonEmpty(parentId)) &&
    (shortcut === null || (Number.isSafeInteger(shortcut) && (shortcut as number) >= 1 && (shortcut as number) <= 9)) &&
    (position === undefined || (Number.isSafeInteger(position) && (position as number) >= 0)) &&
    isDate(row.createdAt) &&
    isDate(row.updatedAt)
  );
}
