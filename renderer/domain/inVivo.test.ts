import { describe, expect, it } from 'vitest';
import { DomainError } from './change';
import { applyRows, isEmptyChange, type OpContext } from './context';
import { inVivoCode, inVivoName, IN_VIVO_MAX_LENGTH } from './inVivo';
import type { Code } from './model';

const T = '2025-01-01T00:00:00.000Z';
const ctx = (): OpContext => ({ now: T, newId: () => 'new-1' });
const code = (id: string, name: string, parentId: string | null = null): Code => ({
  id, name, colour: '#e15759', description: '', parentId, shortcut: null, createdAt: T, updatedAt: T,
});

describe('inVivoName', () => {
  it('trims, collapses white space and drops quote marks and separators at the ends', () => {
    expect(inVivoName('  “the   so-called\n Caliphate”, ')).toBe('the so-called Caliphate');
    expect(inVivoName("'Da’esh'")).toBe('Da’esh');
    expect(inVivoName('U.S.')).toBe('U.S.');
    expect(inVivoName(' \n ')).toBe('');
  });

  it('cuts a long selection after the last whole word that fits', () => {
    const words = 'the Coalition will continue to support the Government of Iraq in its efforts to stabilise liberated areas';
    const name = inVivoName(words);
    expect(name.length).toBeLessThanOrEqual(IN_VIVO_MAX_LENGTH);
    expect(words.startsWith(name)).toBe(true);
    expect(words[name.length]).toBe(' ');
    expect(inVivoName('one two three', 9)).toBe('one two');
  });

  it('cuts one overlong word at a character boundary (never half an emoji)', () => {
    expect(inVivoName('abcdefgh', 5)).toBe('abcde');
    expect(inVivoName('ab🙂🙂', 5)).toBe('ab🙂');
  });

  it('keeps Arabic words and their marks', () => {
    expect(inVivoName(' «التحالف الدولي» ')).toBe('التحالف الدولي');
  });
});

describe('inVivoCode', () => {
  it('creates a top-level code named after the words', () => {
    const codes = [code('a', 'FTF')];
    const { code: created, change } = inVivoCode(codes, ' returning fighters ', ctx());
    expect(created).toMatchObject({ id: 'new-1', name: 'returning fighters', parentId: null });
    const rows = new Map(codes.map((c) => [c.id, c]));
    applyRows(rows, change.forward.codes);
    expect(rows.get('new-1')).toEqual(created);
  });

  it('reuses the top-level code of that name (any case) with an empty change, not a cousin sub-code', () => {
    const codes = [code('a', 'Returnees'), code('p', 'Parent'), code('c', 'Daesh', 'p')];
    const same = inVivoCode(codes, 'returnees', ctx());
    expect(same.code.id).toBe('a');
    expect(isEmptyChange(same.change)).toBe(true);
    // "Daesh" exists only under Parent: a new top-level code is created.
    expect(inVivoCode(codes, 'Daesh', ctx()).code).toMatchObject({ id: 'new-1', parentId: null });
  });

  it('refuses a selection without words', () => {
    expect(() => inVivoCode([], ' “ ” ', ctx())).toThrow(DomainError);
  });
});
