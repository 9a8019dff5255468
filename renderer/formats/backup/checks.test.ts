/**
 * A backup restores only what the app itself would let the analyst make: the codebook's rules,
 * offsets within the texts, one row per id; ids of an unsafe shape are re-issued and reported.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ImportedDocument } from '../../domain/model';
import { CODE_IDS, sampleProject } from '../fixtures/sampleProject';
import type { ProjectData } from '../projectData';
import { exportBackup, parseBackup } from './backup';

let data: ProjectData;
const imported: ImportedDocument = {
  id: 'qdpx-1',
  title: 'Imported interview',
  kind: null,
  place: null,
  date: null,
  sha256: 'f'.repeat(64),
  text: 'Interview text, quite short.',
  source: 'study.qdpx',
  importedAt: '2024-04-01T00:00:00.000Z',
};
beforeAll(async () => {
  data = { ...(await sampleProject()), importedDocuments: [imported] };
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const good = (): any => JSON.parse(exportBackup(data, '2024-05-01T00:00:00.000Z'));
const refused = (json: unknown) => {
  const result = parseBackup(JSON.stringify(json));
  if (result.ok) throw new Error('was accepted');
  return result.message;
};
const accepted = (json: unknown) => {
  const result = parseBackup(JSON.stringify(json));
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('a backup is refused when it breaks a rule of the app', () => {
  it('one code listed three times by one coder on one segment', () => {
    const b = good();
    const first = b.segments[0].codings[0];
    b.segments[0].codings.push({ ...first, id: 'again-1' }, { ...first, id: 'again-2' });
    expect(refused(b)).toMatch(/segments\[0\]\.codings\[\d\]: Amal has this code on this passage more than once/);
  });

  it('two codes with one shortcut', () => {
    const b = good();
    b.codes[0].shortcut = 3;
    b.codes[2].shortcut = 3;
    expect(refused(b)).toMatch(/codes\[2\]\.shortcut: digit 3 is also the shortcut of codes\[0\]/);
  });

  it('sibling codes with one name, compared trimmed and case-insensitively', () => {
    const b = good();
    const sibling = b.codes.find((c: { parentId: string | null }) => c.parentId === null);
    b.codes.push({ ...sibling, id: 'twin', name: ` ${sibling.name.toUpperCase()} ` });
    expect(refused(b)).toMatch(/codes\[\d+\]\.name: ".*" is also the name of codes\[\d+\], under the same parent/);
  });

  it('offsets beyond the text of an imported document, or a quote that does not fit its span', () => {
    const b = good();
    b.segments.push({ ...b.segments[0], id: 'late', documentId: 'qdpx-1', start: 20, end: 40, quote: 'x'.repeat(20) });
    expect(refused(b)).toMatch(/segments\[7\]\.end: 40 is beyond the end of its document \(28 characters\)/);
    const long = good();
    long.segments[0].quote = 'x'.repeat(10_000);
    expect(refused(long)).toMatch(/segments\[0\]\.quote: 10000 characters long where its offsets span/);
  });

  it('a codebook nested deeper than 100 levels', () => {
    const b = good();
    const chain = Array.from({ length: 120 }, (_, i) => ({ ...b.codes[0], id: `deep-${i}`, name: `Level ${i}`, parentId: i ? `deep-${i - 1}` : null }));
    b.codes.push(...chain);
    expect(refused(b)).toMatch(/is nested 101 levels deep; codebooks are read up to 100 levels/);
  });

  it('the same document twice, in either list', () => {
    const docs = good();
    docs.documents.push({ ...docs.documents[0] });
    expect(refused(docs)).toMatch(/documents\[\d\]: duplicate id "letter-1848-01" \(also documents\[0\]\)/);
    const texts = good();
    texts.importedDocuments.push({ ...texts.importedDocuments[0], text: 'Another text.' });
    expect(refused(texts)).toMatch(/importedDocuments\[1\]: duplicate id "qdpx-1"/);
  });

  it('segments and memos of documents, and codings of codes, the backup lacks', () => {
    const b = good();
    b.segments[1].documentId = 'nowhere';
    b.segments[2].codings[0].codeId = 'no-code';
    expect(refused(b)).toMatch(/segments\[1\]\.documentId: document "nowhere" is not in the backup/);
    expect(refused(b)).toMatch(/segments\[2\]\.codings\[0\]\.codeId: code "no-code" is not in the codebook/);
  });
});

describe('ids of an unsafe shape are re-issued, every reference following, and reported', () => {
  it('a code "__proto__" with a child and codings, a segment "constructor", an imported document "prototype"', () => {
    const b = good();
    const parent = b.codes.find((c: { id: string }) => c.id === CODE_IDS.hardship);
    const oldId = parent.id;
    parent.id = '__proto__';
    for (const c of b.codes) if (c.parentId === oldId) c.parentId = '__proto__';
    for (const s of b.segments) for (const c of s.codings) if (c.codeId === oldId) c.codeId = '__proto__';
    b.segments[0].id = 'constructor';
    for (const list of [b.documents, b.importedDocuments]) for (const d of list) if (d.id === 'qdpx-1') d.id = 'prototype';
    const { backup, report } = accepted(b);
    const fresh = backup.codes.find((c) => c.name === parent.name)!;
    expect(fresh.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(backup.codes.filter((c) => c.parentId === fresh.id).length).toBeGreaterThan(0);
    expect(backup.segments.some((s) => s.codings.some((c) => c.codeId === fresh.id))).toBe(true);
    expect(backup.segments.map((s) => s.id)).not.toContain('constructor');
    expect(backup.importedDocuments!.map((d) => d.id)).not.toContain('prototype');
    expect(report.join('\n')).toMatch(/1 code id \("__proto__"\) did not have a safe shape .* given new ids/);
    expect(report.join('\n')).toMatch(/1 segment id \("constructor"\)/);
    expect(report.join('\n')).toMatch(/1 document id \("prototype"\)/);
    // The same file gets the same new ids: importing it twice merges instead of doubling.
    expect(accepted(b).backup.codes.map((c) => c.id)).toEqual(backup.codes.map((c) => c.id));
  });

  it('keeps a corpus document "constructor" (a corpus may have one) and re-issues "__proto__"', () => {
    const b = good();
    b.documents[0].id = 'constructor';
    b.documents[1].id = '__proto__';
    for (const s of b.segments) s.documentId = s.documentId === 'letter-1848-01' ? 'constructor' : s.documentId === 'diary-1850' ? '__proto__' : s.documentId;
    for (const m of b.memos) m.documentId = m.documentId === 'letter-1848-01' ? 'constructor' : m.documentId;
    const { backup } = accepted(b);
    expect(backup.documents[0]!.id).toBe('constructor');
    expect(backup.documents[1]!.id).not.toBe('__proto__');
    expect(new Set(backup.segments.map((s) => s.documentId))).toEqual(new Set(backup.documents.map((d) => d.id)));
  });
});

describe('a version 1 backup listing one code three times on a segment', () => {
  it('becomes one coding, and the report says how many repeats were dropped', () => {
    const json = good();
    json.version = 1;
    for (const s of json.segments) {
      s.codeIds = s.codings.map((c: { codeId: string }) => c.codeId);
      s.coder = s.codings[0].coder;
      delete s.codings;
    }
    json.segments[0].codeIds.push(json.segments[0].codeIds[0], json.segments[0].codeIds[0]);
    const { backup, report } = accepted(json);
    expect(backup.segments[0]!.codings.filter((c) => c.codeId === json.segments[0].codeIds[0])).toHaveLength(1);
    expect(report).toEqual(['2 repeat(s) of a code already listed on the same segment were dropped (a code is applied to a passage once).']);
  });
});
