/**
 * The quick code check must never accept a row CodeSchema refuses (it stands in for zod on
 * every code read). Each case breaks one field of a valid row — including dropping each field
 * in turn, so a field added to the schema and forgotten here fails this test.
 */
import { describe, expect, it } from 'vitest';
import { CodeSchema } from '../domain/model';
import { isWellFormedCode } from './codeCheck';
import { makeCode } from './testFixtures';

const valid = { ...makeCode('c1', { parentId: 'p', shortcut: 3, position: 2 }) } as unknown as Record<string, unknown>;

const BAD_VALUES: unknown[] = [undefined, null, '', ' ', 0, -1, 1.5, 10, NaN, Infinity, 2 ** 60, [], {}, 'not a date', '#12345', '#1234567', 'x'.repeat(201), true];

function variants(): Array<{ name: string; row: unknown }> {
  const out: Array<{ name: string; row: unknown }> = [{ name: 'valid', row: valid }];
  for (const field of Object.keys(valid)) {
    const { [field]: _dropped, ...without } = valid;
    out.push({ name: `no ${field}`, row: without });
    for (const value of BAD_VALUES) out.push({ name: `${field} = ${String(value).slice(0, 20)}`, row: { ...valid, [field]: value } });
  }
  for (const name of ['  padded  ', ' '.repeat(300) + 'x', 'x'.repeat(200), ` ${'x'.repeat(200)} `, '\u00a0']) out.push({ name: `name "${name.slice(0, 12)}…"`, row: { ...valid, name } });
  for (const position of [undefined, 0, 7]) out.push({ name: `position ${position}`, row: { ...valid, position } });
  out.push({ name: 'top level', row: { ...valid, parentId: null, shortcut: null } });
  out.push({ name: 'a date with an offset', row: { ...valid, createdAt: '2024-05-01T12:00:00+02:00' } });
  out.push({ name: 'an array', row: [valid] });
  out.push({ name: 'null', row: null });
  return out;
}

describe('the quick code check', () => {
  it('accepts a valid row, with or without extra fields', () => {
    expect(isWellFormedCode(valid)).toBe(true);
    expect(isWellFormedCode({ ...valid, legacy: 1 })).toBe(true);
  });

  it('agrees with CodeSchema on every one-field break', () => {
    const disagreements = variants()
      .filter(({ row }) => isWellFormedCode(row) !== CodeSchema.safeParse(row).success)
      .map(({ name }) => name);
    expect(disagreements).toEqual([]);
  });
});
