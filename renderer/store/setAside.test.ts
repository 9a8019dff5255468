import { describe, expect, it } from 'vitest';
import { screenRows, SetAsideRows, type SetAsideRow } from './setAside';
import { makeCode, makeDocument, makeMemo, makeSegment } from './testFixtures';

describe('screening rows read from a table', () => {
  it('keeps valid rows as stored and sets the others aside with table, key and reason', () => {
    const good = makeCode('c1');
    const nameless = { ...makeCode('c2'), name: undefined };
    const { rows, setAside } = screenRows('codes', [good, nameless, 'garbage']);
    expect(rows).toEqual([good]);
    expect(rows[0]).toBe(good);
    expect(setAside).toEqual([
      { table: 'codes', key: 'c2', reason: expect.stringMatching(/^name: /), row: nameless },
      { table: 'codes', key: '(no key)', reason: expect.any(String), row: 'garbage' },
    ]);
  });

  it('screens every table by its own schema and key', () => {
    expect(screenRows('segments', [makeSegment('s1'), { ...makeSegment('s2'), codings: [] }]).setAside.map((r) => [r.key, r.reason])).toEqual([
      ['s2', expect.stringMatching(/^codings: /)],
    ]);
    expect(screenRows('memos', [makeMemo('d1'), { documentId: 'd2', text: 7 }]).setAside.map((r) => r.key)).toEqual(['d2']);
    expect(screenRows('documents', [makeDocument('i1'), { ...makeDocument('i2'), title: '' }]).setAside.map((r) => r.key)).toEqual(['i2']);
  });
});

describe('the set-aside list', () => {
  const row = (table: SetAsideRow['table'], key: string): SetAsideRow => ({ table, key, reason: 'bad', row: {} });

  it('lists each row once, replaces a table read whole, and tells subscribers only of changes', () => {
    const list = new SetAsideRows();
    let notified = 0;
    list.subscribe(() => notified++);
    list.replaceTable('codes', []);
    expect(notified).toBe(0);
    list.add([row('segments', 's1')]);
    list.add([row('segments', 's1')]); // read again with the full read
    list.replaceTable('codes', [row('codes', 'c1')]);
    expect(list.list().map((r) => `${r.table}/${r.key}`)).toEqual(['segments/s1', 'codes/c1']);
    list.replaceTable('segments', []); // fixed or deleted since
    expect(list.list().map((r) => `${r.table}/${r.key}`)).toEqual(['codes/c1']);
    expect(notified).toBe(4);
  });
});
