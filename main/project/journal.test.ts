import { describe, expect, it } from 'vitest';
import type { JournalEntry } from '../../common/projectFile';
import { decodeJournalLine, encodeJournalLine, readJournal } from './journal';

const entry = (seq: number, extra: Partial<JournalEntry> = {}): JournalEntry =>
  ({
    seq,
    at: '2026-01-02T03:04:05.000Z',
    client: 'client-aaaa',
    n: seq,
    kind: 'patch',
    label: `Change ${seq}`,
    patch: { codes: { [`c${seq}`]: { id: `c${seq}`, name: `Code ${seq} — “é” 😀` } } },
    ...extra,
  }) as JournalEntry;

const journalOf = (...entries: JournalEntry[]) => Buffer.from(entries.map(encodeJournalLine).join(''), 'utf8');

describe('journal lines', () => {
  it('round-trip an entry, checksum last, one line of JSON a script can read', () => {
    const line = encodeJournalLine(entry(1));
    expect(line.endsWith('\n')).toBe(true);
    expect(line.split('\n')).toHaveLength(2);
    expect(JSON.parse(line)).toMatchObject({ seq: 1, kind: 'patch', crc32: expect.stringMatching(/^[0-9a-f]{8}$/) });
    expect(decodeJournalLine(line.trimEnd())).toEqual({ entry: entry(1) });
  });

  it('tells a flipped byte, a cut line and a line that is not an entry', () => {
    const line = encodeJournalLine(entry(1)).trimEnd();
    expect(decodeJournalLine(line.replace('Change 1', 'Change 7'))).toEqual({ problem: expect.stringContaining('checksum') });
    expect(decodeJournalLine(line.slice(0, 40))).toEqual({ problem: expect.stringContaining('cut short') });
    const notEntry = encodeJournalLine({ seq: 1 } as unknown as JournalEntry).trimEnd();
    expect(decodeJournalLine(notEntry)).toEqual({ problem: expect.stringContaining('not a journal entry') });
  });
});

describe('readJournal', () => {
  it('reads every good entry after the snapshot and skips those it already holds', () => {
    const bytes = journalOf(entry(1), entry(2), entry(3));
    expect(readJournal(bytes, 0)).toMatchObject({ entries: [entry(1), entry(2), entry(3)], goodBytes: bytes.length, damage: null });
    expect(readJournal(bytes, 2).entries).toEqual([entry(3)]);
  });

  it('stops at a truncated tail: the entries before it are the last good state', () => {
    const good = journalOf(entry(1), entry(2));
    const torn = Buffer.concat([good, Buffer.from(encodeJournalLine(entry(3)).slice(0, 25))]);
    const read = readJournal(torn, 0);
    expect(read.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(read.goodBytes).toBe(good.length);
    expect(read.damage).toEqual({ offset: good.length, bytes: 25, line: 3, problem: expect.stringContaining('cut short') });
  });

  it('stops at a corrupt line even when good lines follow it', () => {
    const lines = [entry(1), entry(2), entry(3)].map(encodeJournalLine);
    lines[1] = lines[1]!.replace('Change 2', 'Chang3 2');
    const read = readJournal(Buffer.from(lines.join('')), 0);
    expect(read.entries.map((e) => e.seq)).toEqual([1]);
    expect(read.damage).toMatchObject({ line: 2, offset: Buffer.byteLength(lines[0]!) });
  });

  it('refuses a gap or a repeat in the sequence', () => {
    expect(readJournal(journalOf(entry(1), entry(3)), 0).damage?.problem).toBe('change 3 where 2 was expected');
    expect(readJournal(journalOf(entry(4)), 2).damage?.problem).toBe('change 4 where 3 was expected');
  });
});
