/**
 * The quick segment check must never accept a row SegmentSchema refuses (it stands in for zod
 * on every segment read). Each case breaks one field of a valid row — including dropping each
 * field in turn, so a field added to the schema and forgotten here fails this test.
 */
import { describe, expect, it } from 'vitest';
import { SegmentSchema } from '../domain/model';
import { isWellFormedSegment } from './segmentCheck';
import { makeSegment } from './testFixtures';

const valid = makeSegment('s1') as unknown as Record<string, unknown>;
const coding = (valid.codings as Record<string, unknown>[])[0]!;

const BAD_VALUES: unknown[] = [undefined, null, '', ' ', 0, -1, 1.5, NaN, Infinity, 2 ** 60, [], {}, 'not a date', true];

/** Every variant of the valid row with one field removed or set to a bad value, and of its first coding. */
function variants(): Array<{ name: string; row: unknown }> {
  const out: Array<{ name: string; row: unknown }> = [{ name: 'valid', row: valid }];
  for (const field of Object.keys(valid)) {
    const { [field]: _dropped, ...without } = valid;
    out.push({ name: `no ${field}`, row: without });
    for (const value of BAD_VALUES) out.push({ name: `${field} = ${String(value)}`, row: { ...valid, [field]: value } });
  }
  for (const field of Object.keys(coding)) {
    for (const value of BAD_VALUES) out.push({ name: `codings[0].${field} = ${String(value)}`, row: { ...valid, codings: [{ ...coding, [field]: value }] } });
  }
  out.push({ name: 'a date with an offset', row: { ...valid, createdAt: '2024-05-01T12:00:00+02:00' } });
  out.push({ name: 'the 30th of February', row: { ...valid, updatedAt: '2024-02-30T10:00:00.000Z' } });
  out.push({ name: 'an array', row: [valid] });
  out.push({ name: 'null', row: null });
  return out;
}

describe('the quick segment check', () => {
  it('accepts a valid row, with or without extra fields', () => {
    expect(isWellFormedSegment(valid)).toBe(true);
    expect(isWellFormedSegment({ ...valid, legacy: 1 })).toBe(true);
  });

  it('agrees with SegmentSchema on every one-field break', () => {
    const disagreements = variants()
      .filter(({ row }) => isWellFormedSegment(row) !== SegmentSchema.safeParse(row).success)
      .map(({ name }) => name);
    expect(disagreements).toEqual([]);
  });
});
