import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './projectFile';
import { crc32, encodeJournalLine, readJournal } from './projectJournal';

const entry = (seq: number): JournalEntry => ({
  seq,
  at: '2026-01-02T03:04:05.000Z',
  client: 'client-aaaa',
  n: seq,
  kind: 'patch',
  label: `Change ${seq}`,
  patch: { codes: { [`c${seq}`]: { id: `c${seq}`, name: `Code ${seq} — “é” 😀 ⟨${'\u{10ffff}'}⟩` } } },
});

describe('the journal lines, read anywhere', () => {
  it('computes the same CRC-32 as zlib, for ASCII, accents, emoji and lone surrogates', () => {
    for (const text of ['', 'a', '{"seq":1}', 'é—“”😀', 'x'.repeat(10_000), '\ud800 lone', 'end \udfff']) {
      expect(crc32(text)).toBe(zlibCrc32(text));
    }
  });

  it('reads lines main wrote with zlib, and stops at a line whose checksum does not match', () => {
    const native = (e: JournalEntry) => encodeJournalLine(e, (t) => zlibCrc32(t));
    const good = native(entry(1)) + native(entry(2));
    const bad = native(entry(3)).replace('Change 3', 'Change 4');
    const read = readJournal(new TextEncoder().encode(good + bad), 0);
    expect(read.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(read.damage).toMatchObject({ line: 3, problem: 'checksum mismatch (the line was damaged)' });
    expect(read.goodBytes).toBe(new TextEncoder().encode(good).length);
  });
});
