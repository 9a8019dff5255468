/**
 * Saved searches are project rows: saved and deleted as undoable changes, read back when the
 * project opens, carried by backups and the project file — and a backup's restore writes them
 * in its own change, so one Undo takes the whole restore back (codes, segments and searches) and
 * Redo puts it all back. A merge maps a search's scope code as it maps the codings' codes.
 */
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { DEFAULT_SEARCH_OPTIONS } from '../../domain/search/query';
import type { SavedSearch } from '../../domain/search/savedSearch';
import { deleteSavedSearch, saveSearch } from '../../domain/search/savedSearchChanges';
import { emptySnapshot, upgradeSnapshot } from '../../../common/projectFile';
import { ProjectState } from '../../../common/projectState';
import type { Code } from '../../domain/model';
import { exportBackup, parseBackup } from '../../formats/backup/backup';
import { defaultContext } from '../../domain/context';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { openProject } from '../../store/openProject';
import { MarginaliaDb, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, defineSchemaV2, upgradeToV3 } from '../../store/db';
import { freshIndexedDb } from '../../store/testFixtures';
import { mapCodes } from '../../domain/codeMapping';
import { readImport, storeImport } from '../jobs/importJob';
import { ProjectStore } from '../projectStore';

const saved: SavedSearch = {
  id: 's1',
  name: 'FTF mentions',
  query: '"foreign terrorist fighters" FTF returnee*',
  options: { ...DEFAULT_SEARCH_OPTIONS, mode: 'any' },
  scope: { documents: { kind: 'details', filter: { kind: 'statement', place: null, dateFrom: '2019', dateTo: '', attributes: { region: 'Levant' } } }, text: { kind: 'anywhere' } },
};
const other: SavedSearch = { ...saved, id: 's2', name: 'Returnees', query: 'returnee*' };

const T = '2026-01-01T00:00:00.000Z';
const FILE = { now: T, fileName: 'backup.json' };

async function openStore(deps = freshIndexedDb()) {
  const project = await openProject({ name: 'saved', ...deps, seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  return store;
}

const code = (id: string, name: string): Code => ({ id, name, colour: '#336699', description: '', parentId: null, shortcut: null, createdAt: T, updatedAt: T });
const inside = (search: SavedSearch, codeId: string, kind: 'inside' | 'outside' = 'inside'): SavedSearch => ({
  ...search,
  scope: { ...search.scope, text: { kind, codeId, withSubCodes: true } },
});

function backupJson(parts: { codes?: Code[]; savedSearches: SavedSearch[] }): string {
  return exportBackup({ documents: [], codes: parts.codes ?? [], segments: [], memos: [], settings: { coder: 'Zoe' }, savedSearches: parts.savedSearches }, T);
}

async function restore(store: ProjectStore, json: string, mode: 'replace' | 'merge') {
  const outcome = await storeImport(store, await readImport('backup', new TextEncoder().encode(json), FILE), FILE, { corpus: [] }, mode);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

const names = (store: ProjectStore) => store.getSnapshot().savedSearches.map((s) => s.name);
const codeNames = (store: ProjectStore) => store.getSnapshot().codes.map((c) => c.name).sort();

describe('saved searches', () => {
  it('are saved and deleted as changes the analyst can undo, and read back when the project opens again', async () => {
    const deps = freshIndexedDb();
    const store = await openStore(deps);
    await store.act((ctx, state) => saveSearch(state.savedSearches, saved, ctx));
    await store.act((ctx, state) => saveSearch(state.savedSearches, { ...other, name: ' Returnees ' }, ctx));
    expect(names(store)).toEqual(['FTF mentions', 'Returnees']);
    // The same name again overwrites that search in place.
    await store.act((ctx, state) => saveSearch(state.savedSearches, { ...saved, query: 'FTF' }, ctx));
    expect(store.getSnapshot().savedSearches.map((s) => s.query)).toEqual(['FTF', 'returnee*']);
    const id = store.getSnapshot().savedSearches[1]!.id;
    await store.act((_ctx, state) => deleteSavedSearch(state.savedSearches, id));
    expect(store.getSnapshot().undoLabel).toBe('Delete saved search “Returnees”');
    await store.undo();
    expect(names(store)).toEqual(['FTF mentions', 'Returnees']);

    const again = await openStore(deps);
    expect(again.getSnapshot().savedSearches.map((s) => [s.name, s.query]).sort()).toEqual([['FTF mentions', 'FTF'], ['Returnees', 'returnee*']]);
  });

  it('restored from a backup (replace) are part of the restore: one Undo takes them back with the codes, Redo puts them back', async () => {
    const store = await openStore();
    await store.act((ctx, state) => saveSearch(state.savedSearches, { ...saved, name: 'Only here' }, ctx));
    const codesBefore = codeNames(store);
    const outcome = await restore(store, backupJson({ codes: [code('b1', 'Returnees')], savedSearches: [saved, inside(other, 'b1')] }), 'replace');
    expect(outcome.summary).toMatch(/added 1 code and 2 saved searches/i);
    expect(names(store)).toEqual(['FTF mentions', 'Returnees']);
    expect(codeNames(store)).toEqual(['Returnees']);

    await store.undo();
    expect(store.getSnapshot().redoLabel).toBe('Restore backup');
    expect(names(store)).toEqual(['Only here']);
    expect(codeNames(store)).toEqual(codesBefore);

    await store.redo();
    expect(store.getSnapshot().savedSearches).toEqual([saved, inside(other, 'b1')]);
    expect(codeNames(store)).toEqual(['Returnees']);
  });

  it('merged from a backup: new names come in, a name here keeps its search, and one Undo takes back only what the merge added', async () => {
    const store = await openStore();
    const mine = { ...saved, query: 'FTF' };
    await store.act((ctx, state) => saveSearch(state.savedSearches, mine, ctx));
    const outcome = await restore(store, backupJson({ savedSearches: [saved, other] }), 'merge');
    expect(names(store)).toEqual(['FTF mentions', 'Returnees']);
    expect(store.getSnapshot().savedSearches[0]!.query).toBe('FTF');
    expect(outcome.notes).toContain(`Kept this project's saved searches of the same names as the backup's: "FTF mentions".`);
    await store.undo();
    expect(names(store)).toEqual(['FTF mentions']);
    await store.redo();
    expect(names(store)).toEqual(['FTF mentions', 'Returnees']);
  });

  it('merged from a backup whose codes match codes here by path: the scope names the code here; a scope code the backup lacks is dropped and reported', async () => {
    const store = await openStore();
    const ftf = store.getSnapshot().codes.find((c) => c.name === 'FTF')!;
    const json = backupJson({
      codes: [code('their-ftf', 'ftf'), code('their-new', 'Prisons')],
      savedSearches: [inside(saved, 'their-ftf'), inside(other, 'their-new', 'outside'), inside({ ...other, id: 's3', name: 'Gone' }, 'deleted-code', 'outside')],
    });
    const outcome = await restore(store, json, 'merge');
    const byName = new Map(store.getSnapshot().savedSearches.map((s) => [s.name, s.scope.text]));
    expect(byName.get('FTF mentions')).toEqual({ kind: 'inside', codeId: ftf.id, withSubCodes: true });
    expect(byName.get('Returnees')).toEqual({ kind: 'outside', codeId: 'their-new', withSubCodes: true });
    expect(store.getSnapshot().codes.some((c) => c.id === 'their-new')).toBe(true);
    expect(byName.get('Gone')).toEqual({ kind: 'anywhere' });
    expect(outcome.notes).toContain('Saved search "Gone" looked only outside a code the backup does not have ("deleted-code"); it now searches anywhere in its documents.');
  });

  it('merged after the analyst mapped a backup code onto a code here (another name): the scope follows the mapping', async () => {
    const store = await openStore();
    const ftf = store.getSnapshot().codes.find((c) => c.name === 'FTF')!;
    const json = backupJson({ codes: [code('their-fighters', 'Foreign fighters')], savedSearches: [inside(saved, 'their-fighters')] });
    const incoming = await readImport('backup', new TextEncoder().encode(json), FILE);
    if (incoming.kind !== 'project') throw new Error('expected a project');
    const mapped = { ...incoming, backup: mapCodes(incoming.backup, new Map([['their-fighters', ftf.id]])) };
    const outcome = await storeImport(store, mapped, FILE, { corpus: [] }, 'merge');
    expect(outcome.ok).toBe(true);
    expect(store.getSnapshot().codes.some((c) => c.name === 'Foreign fighters')).toBe(false);
    expect(store.getSnapshot().savedSearches.map((s) => s.scope.text)).toEqual([{ kind: 'inside', codeId: ftf.id, withSubCodes: true }]);
  });

  it('come with ids of any shape: "__proto__" and "constructor" are re-issued, and scopes follow re-issued code ids', async () => {
    const store = await openStore();
    const json = backupJson({ codes: [code('constructor', 'Prisons')], savedSearches: [inside({ ...saved, id: '__proto__' }, 'constructor'), { ...other, id: 'constructor' }] });
    const parsed = parseBackup(json);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.report).toEqual(expect.arrayContaining([expect.stringMatching(/^2 saved search ids .*given new ids/)]));
    await restore(store, json, 'replace');
    const [proto, ctor] = store.getSnapshot().savedSearches;
    expect([proto!.name, ctor!.name]).toEqual(['FTF mentions', 'Returnees']);
    expect(proto!.id).not.toBe('__proto__');
    const prisons = store.getSnapshot().codes.find((c) => c.name === 'Prisons')!;
    expect(prisons.id).not.toBe('constructor');
    expect(proto!.scope.text).toEqual({ kind: 'inside', codeId: prisons.id, withSubCodes: true });
  });

  it('in a backup written before they were rows (inside its settings) are read as the backup\'s saved searches', () => {
    const json = JSON.parse(backupJson({ savedSearches: [] })) as Record<string, unknown>;
    const parsed = parseBackup(JSON.stringify({ ...json, settings: { coder: 'Zoe', savedSearches: [saved] } }));
    expect(parsed.ok && parsed.backup.savedSearches).toEqual([saved]);
    expect(parsed.ok && parsed.backup.settings).toEqual({ coder: 'Zoe' });
  });

  it('in a version 3 project file (its settings, or a settings line of its journal) become the savedSearches table', () => {
    const v3 = { ...emptySnapshot({ id: 'project-0001', name: 'P', corpus: { kind: 'bundled' }, now: T }), version: 3, settings: { coder: 'Zoe', savedSearches: [saved] } };
    const { savedSearches: _table, ...v3Tables } = v3.tables;
    const upgraded = upgradeSnapshot(JSON.parse(JSON.stringify({ ...v3, tables: v3Tables })));
    expect(upgraded.settings).toEqual({ coder: 'Zoe' });
    expect(upgraded.tables.savedSearches).toEqual([saved]);

    const state = ProjectState.from(upgraded.tables, upgraded.settings);
    state.apply({ seq: 1, at: T, client: 'client-0001', n: 1, kind: 'settings', settings: { coder: 'Zoe', savedSearches: [other] } });
    expect([state.settings, state.toTables().savedSearches]).toEqual([{ coder: 'Zoe' }, [other]]);
    state.apply({ seq: 2, at: T, client: 'client-0001', n: 2, kind: 'settings', settings: { coder: 'Ada' } });
    expect(state.toTables().savedSearches).toEqual([other]);
  });

  it('in a browser database of the previous version (one settings row) become rows', async () => {
    const deps = freshIndexedDb();
    const v5 = new Dexie('saved-v5', deps);
    defineSchemaV2(v5);
    v5.version(3).stores(SCHEMA_V3).upgrade(upgradeToV3);
    v5.version(4).stores(SCHEMA_V4);
    v5.version(5).stores(SCHEMA_V5);
    await v5.open();
    await v5.table('settings').bulkPut([{ key: 'coder', value: 'Zoe' }, { key: 'savedSearches', value: [saved, other, { name: 'no id' }] }]);
    v5.close();
    const db = new MarginaliaDb('saved-v5', deps);
    await db.open();
    expect(await db.savedSearches.toArray()).toEqual([saved, other]);
    expect(await db.settings.get('savedSearches')).toBeUndefined();
    expect(await db.settings.get('coder')).toEqual({ key: 'coder', value: 'Zoe' });
    db.close();
  });
});
