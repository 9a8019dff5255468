/**
 * Saved searches and the edited stop words are project data: stored with the settings, read
 * back when the project opens (they have no default), and written into a backup.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_OPTIONS } from '../../domain/search/query';
import type { SavedSearch } from '../../domain/search/savedSearch';
import { emptySnapshot, JournalEntrySchema, upgradeSnapshot } from '../../../common/projectFile';
import { SettingsSchema } from '../../domain/model';
import { exportBackup, parseBackup } from '../../formats/backup/backup';
import { defaultContext } from '../../domain/context';
import { defaultCodebook } from '../../domain/defaultCodebook';
import { openProject } from '../../store/openProject';
import { createDexieRepository } from '../../store/repository';
import { freshDb, freshIndexedDb } from '../../store/testFixtures';
import { readImport, storeImport } from '../jobs/importJob';
import { ProjectStore } from '../projectStore';

const saved: SavedSearch = {
  id: 's1',
  name: 'FTF mentions',
  query: '"foreign terrorist fighters" FTF returnee*',
  options: { ...DEFAULT_SEARCH_OPTIONS, mode: 'any' },
  scope: { documents: { kind: 'details', filter: { kind: 'statement', place: null, dateFrom: '2019', dateTo: '', attributes: { region: 'Levant' } } }, text: { kind: 'outside', codeId: 'c1', withSubCodes: true } },
};

const T = '2026-01-01T00:00:00.000Z';
const FILE = { now: T, fileName: 'backup.json' };

async function openStore(name: string) {
  const project = await openProject({ name, ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  return store;
}

describe('saved searches', () => {
  it('are stored with the settings and read back, though they have no default', async () => {
    const db = freshDb(`saved-${Math.random()}`);
    const repo = createDexieRepository(db);
    expect(await repo.getSettings({ coder: 'Zoe' })).toEqual({ coder: 'Zoe' });
    await repo.saveSettings({ coder: 'Zoe', savedSearches: [saved], searchStopWords: 'the of coalition' });
    expect(await repo.getSettings({ coder: 'Ada' })).toEqual({ coder: 'Zoe', savedSearches: [saved], searchStopWords: 'the of coalition' });
    repo.close();
  });

  it('come back from a backup: export then restore gives the same saved searches', async () => {
    const other: SavedSearch = { ...saved, id: 's2', name: 'Returnees', query: 'returnee*' };
    const source = await openStore('saved-source');
    await source.saveSettings({ ...source.getSnapshot().settings, savedSearches: [saved, other] });
    const state = source.getSnapshot();
    const json = exportBackup({ documents: [], codes: state.codes, segments: [], memos: [], settings: state.settings }, T);

    const target = await openStore('saved-target');
    await target.saveSettings({ ...target.getSnapshot().settings, savedSearches: [{ ...saved, id: 'here', name: 'Only here' }] });
    const outcome = await storeImport(target, await readImport('backup', new TextEncoder().encode(json), FILE), FILE, { corpus: [] }, 'replace');
    expect(outcome.ok && outcome.notes).toContain('Restored 2 saved searches.');
    expect(target.getSnapshot().settings.savedSearches).toEqual([saved, other]);
    expect(target.getSnapshot().settings.coder).toBe('Ada'); // the coder at this machine stays
  });

  it('merge in by name: new names are added, a name already here keeps its search', async () => {
    const target = await openStore('saved-merge');
    const mine: SavedSearch = { ...saved, id: 'mine', query: 'FTF' };
    await target.saveSettings({ ...target.getSnapshot().settings, savedSearches: [mine] });
    const other: SavedSearch = { ...saved, id: 's2', name: 'Returnees', query: 'returnee*' };
    const json = exportBackup({ documents: [], codes: [], segments: [], memos: [], settings: { coder: 'Zoe', savedSearches: [saved, other] } }, T);
    const outcome = await storeImport(target, await readImport('backup', new TextEncoder().encode(json), FILE), FILE, { corpus: [] }, 'merge');
    expect(target.getSnapshot().settings.savedSearches).toEqual([mine, other]);
    expect(outcome.ok && outcome.notes).toEqual(expect.arrayContaining(['Added 1 saved search.', expect.stringContaining('"FTF mentions"')]));
  });

  it('travel in the project file: its settings line and its snapshot keep them, read back as settings', () => {
    const settings = { coder: 'Zoe', savedSearches: [saved, { ...saved, id: 's3', name: 'Stemmed', options: { ...saved.options, stem: true } }] };
    const line = JournalEntrySchema.parse(JSON.parse(JSON.stringify({ seq: 1, at: T, client: 'client-0001', n: 1, kind: 'settings', settings })));
    expect(line.kind === 'settings' && SettingsSchema.parse(line.settings)).toEqual(settings);
    const file = { ...emptySnapshot({ id: 'project-0001', name: 'P', corpus: { kind: 'bundled' }, now: T }), settings };
    expect(SettingsSchema.parse(upgradeSnapshot(JSON.parse(JSON.stringify(file))).settings)).toEqual(settings);
  });

  it('travel in a backup', () => {
    const json = exportBackup({ documents: [], codes: [], segments: [], memos: [], settings: { coder: 'Zoe', savedSearches: [saved] } }, '2026-01-01T00:00:00.000Z');
    const parsed = parseBackup(json);
    expect(parsed.ok && parsed.backup.settings.savedSearches).toEqual([saved]);
  });
});
