/**
 * Test support: hostile project backups, generated from a valid one (the sample project, an
 * imported document with a segment) by a seeded generator: unsafe and duplicate ids, broken
 * codebook rules, offsets out of range, 10 MB strings, deep nesting, bad encodings, documents
 * that would shadow corpus documents, damaged JSON.
 */
import { sha256Hex } from '../../../common/text/sha256';
import { quoteSelector } from '../../domain/segments';
import { exportBackup } from '../backup/backup';
import { isSafeCodingId, isSafeId } from '../fileIds';
import { LETTER_TEXT, sampleProject } from '../fixtures/sampleProject';
import { HOSTILE_IDS, seeded, type HostileFile, type Random } from './hostileFile';

/* eslint-disable @typescript-eslint/no-explicit-any -- hostile files are untyped JSON by nature */
type Json = any;

const T = '2024-05-01T00:00:00.000Z';
const IMPORTED_TEXT = 'An interview imported earlier: the winter was hard.';
const MB10 = 10 * 1024 * 1024;

async function baseBackup(): Promise<Json> {
  const data = await sampleProject();
  const imported = { id: 'qdpx-1', title: 'Imported interview', kind: null, place: null, date: null, sha256: sha256Hex(IMPORTED_TEXT), text: IMPORTED_TEXT, source: 'x.qdpx', importedAt: T };
  const onImported = {
    ...data.segments[0]!,
    id: 'seg-imported',
    documentId: 'qdpx-1',
    documentHash: imported.sha256,
    start: 35,
    end: 50,
    ...quoteSelector(IMPORTED_TEXT, 35, 50),
    codings: [{ id: 'seg-imported/c', codeId: data.codes[0]!.id, coder: 'Amal', createdAt: T }],
  };
  return JSON.parse(exportBackup({ ...data, segments: [...data.segments, onImported], importedDocuments: [imported] }, T));
}

const bytesOf = (json: Json) => new TextEncoder().encode(typeof json === 'string' ? json : JSON.stringify(json));

function renameCode(b: Json, from: string, to: string) {
  for (const c of b.codes) {
    if (c.id === from) c.id = to;
    if (c.parentId === from) c.parentId = to;
  }
  for (const s of b.segments) for (const c of s.codings) if (c.codeId === from) c.codeId = to;
}

function renameImported(b: Json, to: string) {
  b.importedDocuments[0].id = to;
  for (const s of b.segments) if (s.documentId === 'qdpx-1') s.documentId = to;
}

function idCases(base: () => Json, r: Random): HostileFile[] {
  const ids = ['__proto__', 'constructor', ...Array.from({ length: 3 }, () => r.pick(HOSTILE_IDS))];
  return ids.flatMap((id, n): HostileFile[] => {
    const report = (safe: boolean) => ({ imported: safe ? null : /did not have a safe shape .* given new ids/ });
    const code = base();
    renameCode(code, code.codes[r.int(0, code.codes.length - 1)].id, id);
    const segment = base();
    segment.segments[r.int(0, segment.segments.length - 1)].id = id;
    const doc = base();
    renameImported(doc, id);
    const coding = base();
    coding.segments[r.int(0, coding.segments.length - 1)].codings[0].id = id;
    const mode = n % 2 ? 'replace' : 'merge';
    return [
      { name: `code id ${JSON.stringify(id.slice(0, 20))}`, format: 'backup', bytes: bytesOf(code), expect: report(isSafeId(id)), mode },
      { name: `segment id ${JSON.stringify(id.slice(0, 20))}`, format: 'backup', bytes: bytesOf(segment), expect: report(isSafeId(id)), mode },
      { name: `imported document id ${JSON.stringify(id.slice(0, 20))}`, format: 'backup', bytes: bytesOf(doc), expect: report(isSafeId(id)), mode },
      { name: `coding id ${JSON.stringify(id.slice(0, 20))}`, format: 'backup', bytes: bytesOf(coding), expect: report(isSafeCodingId(id)), mode },
    ];
  });
}

function duplicateCases(base: () => Json, r: Random): HostileFile[] {
  const dup = (name: string, edit: (b: Json) => void, refused: RegExp): HostileFile => {
    const b = base();
    edit(b);
    return { name: `duplicate ${name}`, format: 'backup', bytes: bytesOf(b), expect: { refused } };
  };
  const k = (list: unknown[]) => r.int(0, list.length - 1);
  return [
    dup('code id', (b) => b.codes.push({ ...b.codes[k(b.codes)], name: 'Another name' }), /codes\[\d+\]: duplicate id/),
    dup('segment id', (b) => b.segments.push({ ...b.segments[k(b.segments)] }), /segments\[\d+\]: duplicate id/),
    dup('imported document id', (b) => b.importedDocuments.push({ ...b.importedDocuments[0], text: 'Another text.', sha256: sha256Hex('Another text.') }), /importedDocuments\[1\]: duplicate id "qdpx-1"/),
    dup('corpus document id', (b) => b.documents.push({ ...b.documents[k(b.documents)] }), /documents\[\d+\]: duplicate id/),
    dup('memo', (b) => b.memos.push({ ...b.memos[0], text: 'Another memo' }), /memos\[1\]: duplicate id/),
    dup('coding id', (b) => b.segments[0].codings.push({ ...b.segments[0].codings[0], coder: 'Someone else' }), /duplicate coding id/),
  ];
}

function ruleCases(base: () => Json, r: Random): HostileFile[] {
  const broken = (name: string, edit: (b: Json) => void, refused: RegExp): HostileFile => {
    const b = base();
    edit(b);
    return { name, format: 'backup', bytes: bytesOf(b), expect: { refused }, mode: r.pick(['merge', 'replace'] as const) };
  };
  const digit = r.int(1, 9);
  const depth = r.int(101, 160);
  const variant = r.pick([(n: string) => n.toUpperCase(), (n: string) => ` ${n} `, (n: string) => n.toLowerCase()]);
  return [
    broken('one code three times by one coder', (b) => {
      const c = b.segments[0].codings[0];
      b.segments[0].codings.push({ ...c, id: 'again-1' }, { ...c, id: 'again-2' });
    }, /has this code on this passage more than once/),
    broken(`two codes with shortcut ${digit}`, (b) => {
      b.codes[0].shortcut = digit;
      b.codes[b.codes.length - 1].shortcut = digit;
    }, new RegExp(`digit ${digit} is also the shortcut of codes\\[0\\]`)),
    broken('sibling codes with one name', (b) => {
      const top = b.codes.find((c: Json) => c.parentId === null);
      b.codes.push({ ...top, id: 'twin', name: variant(top.name) });
    }, /is also the name of codes\[\d+\], under the same parent/),
    broken('a parent that is missing', (b) => (b.codes[r.int(0, b.codes.length - 1)].parentId = 'nowhere'), /parent code "nowhere" is not in the codebook/),
    broken('a cycle of parents', (b) => {
      b.codes[0].parentId = b.codes[1].id;
      b.codes[1].parentId = b.codes[0].id;
    }, /is its own ancestor/),
    broken(`a codebook ${depth} levels deep`, (b) => {
      for (let i = 0; i < depth; i++) b.codes.push({ ...b.codes[0], id: `deep-${i}`, name: `L${i}`, parentId: i ? `deep-${i - 1}` : null, shortcut: null });
    }, /nested 101 levels deep; codebooks are read up to 100 levels/),
    broken('a segment of a missing document', (b) => (b.segments[r.int(0, 5)].documentId = 'missing-doc'), /document "missing-doc" is not in the backup/),
    broken('a coding of a missing code', (b) => (b.segments[r.int(0, 5)].codings[0].codeId = 'missing-code'), /code "missing-code" is not in the codebook/),
    broken('a memo of a missing document', (b) => (b.memos[0].documentId = 'missing-doc'), /memos\[0\]\.documentId: document "missing-doc"/),
  ];
}

function offsetCases(base: () => Json, r: Random): HostileFile[] {
  const on = (name: string, edit: (s: Json, b: Json) => void, expect: HostileFile['expect']): HostileFile => {
    const b = base();
    edit(b.segments.find((s: Json) => s.id === (name.startsWith('corpus') ? 'seg-5' : 'seg-imported')), b);
    return { name, format: 'backup', bytes: bytesOf(b), expect };
  };
  const excess = r.int(1, 1_000_000);
  return [
    on(`imported: end ${excess} beyond the text`, (s) => ((s.start += excess), (s.end += excess)), { refused: /is beyond the end of its document/ }),
    on('imported: negative start', (s) => (s.start = -r.int(1, 99)), { refused: /segments\[\d+\]\.start: / }),
    on('imported: empty span', (s) => (s.end = s.start), { refused: /must be greater than start/ }),
    on('imported: end before start', (s) => ([s.start, s.end] = [s.end, s.start]), { refused: /must be greater than start/ }),
    on('imported: fractional offsets', (s) => (s.start += 0.5), { refused: /segments\[\d+\]\.start: / }),
    on('imported: quote longer than its span', (s) => (s.quote += 'x'.repeat(r.int(1, 50))), { refused: /characters long where its offsets span/ }),
    on(`corpus: offsets ${excess} beyond the text`, (s) => ((s.start += excess), (s.end += excess)), { imported: /does not match its text at its offsets/ }),
    on('corpus: another passage at the offsets', (s) => ((s.start = 0), (s.end = s.quote.length)), { imported: /does not match its text at its offsets/ }),
  ];
}

function hugeCases(base: () => Json): HostileFile[] {
  const big = 'All work and no play. '.repeat(Math.ceil(MB10 / 22)).slice(0, MB10);
  const whole = base();
  whole.importedDocuments[0] = { ...whole.importedDocuments[0], text: big, sha256: sha256Hex(big) };
  Object.assign(whole.segments.find((s: Json) => s.id === 'seg-imported'), { start: 0, end: big.length, ...quoteSelector(big, 0, big.length), documentHash: sha256Hex(big) });
  const mismatched = base();
  mismatched.segments[0].quote = big;
  const memo = base();
  memo.segments[1].memo = big;
  return [
    { name: 'a 10 MB quote over a 10 MB imported text', format: 'backup', bytes: bytesOf(whole), expect: { imported: null } },
    { name: 'a 10 MB quote on a short span', format: 'backup', bytes: bytesOf(mismatched), expect: { refused: /quote: 10485760 characters long where its offsets span/ } },
    { name: 'a 10 MB memo', format: 'backup', bytes: bytesOf(memo), expect: { imported: null } },
  ];
}

function shapeCases(base: () => Json, r: Random): HostileFile[] {
  const text = JSON.stringify(base());
  const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const cut = () => text.slice(0, r.int(1, text.length - 2));
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) utf16.set([text.charCodeAt(i) & 0xff, text.charCodeAt(i) >>> 8], 2 + 2 * i);
  const invalid = bytesOf(text);
  invalid[r.int(10, invalid.length - 10)] = 0xff;
  return [
    { name: 'nesting 100,000 deep under an unknown key', format: 'backup', bytes: bytesOf(text.replace(/^\{/, `{"extra":${nested(100_000)},`)), expect: { imported: null } },
    { name: 'nesting 100,000 deep as the codebook', format: 'backup', bytes: bytesOf(text.replace(/"codes":\[/, `"codes":[${nested(100_000)},`)), expect: { refused: /The backup is damaged: codes\[0\]/ } },
    ...[1, 2, 3].map((n): HostileFile => ({ name: `JSON cut short (${n})`, format: 'backup', bytes: bytesOf(cut()), expect: { refused: /not valid JSON/ } })),
    { name: 'an array, not an object', format: 'backup', bytes: bytesOf('[1,2,3]'), expect: { refused: /expected a JSON object/ } },
    { name: 'another format', format: 'backup', bytes: bytesOf({ ...JSON.parse(text), format: 'other' }), expect: { refused: /format is "other"/ } },
    { name: 'a version from the future', format: 'backup', bytes: bytesOf({ ...JSON.parse(text), version: 99 }), expect: { refused: /version 99 is not supported/ } },
    { name: 'a byte that is not UTF-8', format: 'backup', bytes: invalid, expect: { refused: /is not valid UTF-8 \(first invalid byte at offset \d+\)/ } },
    { name: 'UTF-16 with a byte order mark', format: 'backup', bytes: utf16, expect: { imported: null } },
    { name: 'UTF-8 with a byte order mark', format: 'backup', bytes: bytesOf('\uFEFF' + text), expect: { imported: null } },
  ];
}

function shadowCases(base: () => Json): HostileFile[] {
  // The backup's project showed its own text under the corpus id: its segments are the imported text's.
  const other = base();
  other.segments = other.segments.filter((s: Json) => s.documentId !== 'letter-1848-01');
  renameImported(other, 'letter-1848-01');
  const same = base();
  renameImported(same, 'letter-1848-01');
  Object.assign(same.importedDocuments[0], { text: LETTER_TEXT, sha256: sha256Hex(LETTER_TEXT) });
  same.segments = same.segments.filter((s: Json) => s.id !== 'seg-imported');
  return [
    { name: 'an imported document on a corpus id, another text', format: 'backup', bytes: bytesOf(other), expect: { imported: /restored as a separate document with a new id/ } },
    { name: 'an imported document on a corpus id, the same text', format: 'backup', bytes: bytesOf(same), expect: { imported: /is the corpus document .* not stored again/ } },
  ];
}

export async function hostileBackups(seed: number): Promise<HostileFile[]> {
  const json = await baseBackup();
  const base = () => JSON.parse(JSON.stringify(json));
  const r = seeded(seed);
  return [
    ...idCases(base, r),
    ...duplicateCases(base, r),
    ...ruleCases(base, r),
    ...offsetCases(base, r),
    ...hugeCases(base),
    ...shapeCases(base, r),
    ...shadowCases(base),
  ];
}
