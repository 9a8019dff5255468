/**
 * The fuzz suite: well over 100 generated hostile files — project backups, REFI-QDA projects and
 * codebooks (see backupHostile.ts, qdpxHostile.ts, qdcHostile.ts) — each imported through the
 * import job into a real project store (fake-indexeddb) that already holds a coded project.
 * Each file is either refused, with a message that says what is wrong with the file, and the
 * stored project is exactly as before; or imported correctly: every rule of the app holds for
 * what is stored, and Undo gives back exactly the project before. Seeded, so every run makes the
 * same files; bounded (bombs are a few MB that never inflate whole).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../common/text/sha256';
import { nameKey } from '../../domain/codebook';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { defaultContext } from '../../domain/context';
import { History } from '../../project/history';
import type { Incoming } from '../format';
import { readImport, storeImport, type ImportSource } from '../../project/jobs/importJob';
import { ProjectStore } from '../../project/projectStore';
import { openProject, type OpenedProject } from '../../store/openProject';
import { freshIndexedDb } from '../../store/testFixtures';
import { isSafeId } from '../fileIds';
import { DIARY_TEXT, LETTER_TEXT } from '../fixtures/sampleProject';
import { hostileBackups } from './backupHostile';
import type { HostileFile } from './hostileFile';
import { hostileQdcFiles } from './qdcHostile';
import { hostileQdpxFiles } from './qdpxHostile';
import { qdpx, projectXml, sourceXml } from './refiFiles';

const SEED = 19;
const NOW = '2024-06-01T00:00:00.000Z';
const TEXTS = new Map([
  ['letter-1848-01', LETTER_TEXT],
  ['diary-1850', DIARY_TEXT],
]);
const SOURCE: ImportSource = {
  corpus: [
    { id: 'letter-1848-01', title: 'Letter, "home" 1848', sha256: sha256Hex(LETTER_TEXT) },
    { id: 'diary-1850', title: '=Diary of Ben', sha256: sha256Hex(DIARY_TEXT) },
  ],
  corpusText: async (id) => TEXTS.get(id)!,
};
const corpusIds = new Set(SOURCE.corpus.map((d) => d.id));

/** A project with the default codebook and an imported REFI-QDA document with a coded passage. */
let seeded: OpenedProject;
beforeAll(async () => {
  seeded = await openProject({ name: 'fuzz', ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(seeded, { coder: 'Ada' });
  const file = { now: NOW, fileName: 'seed.qdpx' };
  const seed = await storeImport(store, await readImport('qdpx', qdpx(projectXml({ sources: sourceXml({}, 0) })), file), file, SOURCE);
  expect(seed.ok).toBe(true);
});

/** Every stored row, sorted, so two reads compare equal exactly when nothing changed. */
async function storedRows(project: OpenedProject) {
  const byKey = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => (key(a) < key(b) ? -1 : 1));
  const [codes, segments, memos, documents, settings] = await Promise.all([
    project.repo.loadCodes(),
    project.repo.loadAllSegments(),
    project.repo.loadMemos(),
    project.repo.loadImportedDocuments(),
    project.repo.getSettings({ coder: 'Ada' }),
  ]);
  return {
    codes: byKey(codes, (c) => c.id),
    segments: byKey(segments, (s) => s.id),
    memos: byKey(memos, (m) => m.documentId),
    documents: byKey(documents, (d) => d.id),
    settings,
  };
}
type Rows = Awaited<ReturnType<typeof storedRows>>;

/** The rules of the app, on what an import stored; `before` tells which rows are new. */
function expectRulesHold(after: Rows, before: Rows, file: HostileFile) {
  const codes = new Map(after.codes.map((c) => [c.id, c]));
  const places = new Set<string>();
  const shortcuts = new Set<number>();
  for (const code of after.codes) {
    const seen = new Set([code.id]);
    for (let p = code.parentId; p !== null; p = codes.get(p)!.parentId) {
      expect(codes.has(p), `parent of ${code.name}`).toBe(true);
      expect(seen.has(p), `cycle at ${code.name}`).toBe(false);
      seen.add(p);
    }
    const place = `${code.parentId}\u0000${nameKey(code.name)}`;
    expect(places.has(place), `sibling name ${code.name}`).toBe(false);
    places.add(place);
    if (code.shortcut !== null) expect(shortcuts.has(code.shortcut), `shortcut ${code.shortcut}`).toBe(false);
    if (code.shortcut !== null) shortcuts.add(code.shortcut);
  }
  const isNew = <T>(rows: T[], key: (r: T) => string) => {
    const old = new Set(rows.map(key));
    return (row: T) => !old.has(key(row));
  };
  const newCode = isNew(before.codes, (c) => c.id);
  const newSegment = isNew(before.segments, (s) => s.id);
  const newDocument = isNew(before.documents, (d) => d.id);
  for (const c of after.codes.filter(newCode)) expect(isSafeId(c.id), `code id ${c.id}`).toBe(true);
  const documents = new Map(after.documents.map((d) => [d.id, d]));
  for (const d of after.documents.filter(newDocument)) {
    expect(isSafeId(d.id), `document id ${d.id}`).toBe(true);
    expect(corpusIds.has(d.id), `imported document on corpus id ${d.id}`).toBe(false);
  }
  for (const s of after.segments.filter(newSegment)) {
    expect(isSafeId(s.id), `segment id ${s.id}`).toBe(true);
    const coders = new Set<string>();
    for (const c of s.codings) {
      expect(codes.has(c.codeId), `code of a coding of ${s.id}`).toBe(true);
      expect(coders.has(`${c.codeId}\u0000${c.coder}`)).toBe(false);
      coders.add(`${c.codeId}\u0000${c.coder}`);
    }
    const doc = documents.get(s.documentId);
    if (doc) expect(doc.text.slice(s.start, s.end) === s.quote, `quote of ${s.id}`).toBe(true);
    else if (file.format !== 'backup') expect(corpusIds.has(s.documentId), `document of ${s.id}`).toBe(true);
  }
}

async function importOne(file: HostileFile) {
  const project = { ...seeded, history: new History(seeded.repo) };
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  const before = await storedRows(project);
  const meta = { now: NOW, fileName: `${file.name}.${file.format}` };
  let incoming: Incoming;
  try {
    incoming = await readImport(file.format, file.bytes, meta);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if ('refused' in file.expect) expect(message).toMatch(file.expect.refused);
    else expect(file.mayRefuse, `refused, expected an import: ${message}`).toBe(true);
    expect(message).not.toMatch(/bug in Marginalia|Something went wrong|undefined|\[object Object\]/);
    expect(await storedRows(project)).toEqual(before);
    return;
  }
  if ('refused' in file.expect) expect.fail(`was read, expected a refusal matching ${file.expect.refused}`);
  const outcome = await storeImport(store, incoming, meta, SOURCE, file.mode ?? 'merge');
  if (!outcome.ok) expect.fail(`read, then not stored: ${outcome.message}`);
  if (file.expect.imported) expect(outcome.notes.join('\n')).toMatch(file.expect.imported);
  expectRulesHold(await storedRows(project), before, file);
  if (store.getSnapshot().canUndo) await store.undo();
  expect(await storedRows(project)).toEqual(before);
}

const suites: Array<[string, () => Promise<HostileFile[]>]> = [
  ['project backups', () => hostileBackups(SEED)],
  ['REFI-QDA projects (.qdpx)', async () => hostileQdpxFiles(SEED)],
  ['REFI-QDA codebooks (.qdc)', async () => hostileQdcFiles(SEED)],
];

describe('hostile files: refused with a clear message and nothing changed, or imported correctly', async () => {
  const all = (await Promise.all(suites.map(async ([label, make]) => [label, await make()] as const))) as Array<readonly [string, HostileFile[]]>;
  it('are more than 100, across the three formats', () => {
    expect(all.reduce((n, [, files]) => n + files.length, 0)).toBeGreaterThan(100);
  });
  for (const [label, files] of all) {
    describe(label, () => {
      for (const file of files) it(file.name, () => importOne(file), 20_000);
    });
  }
});
