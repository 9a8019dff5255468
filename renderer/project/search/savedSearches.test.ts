/**
 * Saved searches and the edited stop words are project data: stored with the settings, read
 * back when the project opens (they have no default), and written into a backup.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_OPTIONS } from '../../domain/search/query';
import type { SavedSearch } from '../../domain/search/savedSearch';
import { exportBackup, parseBackup } from '../../formats/backup/backup';
import { createDexieRepository } from '../../store/repository';
import { freshDb } from '../../store/testFixtures';

const saved: SavedSearch = {
  id: 's1',
  name: 'FTF mentions',
  query: '"foreign terrorist fighters" FTF returnee*',
  options: { ...DEFAULT_SEARCH_OPTIONS, mode: 'any' },
  scope: { documents: { kind: 'details', filter: { kind: 'statement', place: null, dateFrom: '2019', dateTo: '', attributes: { region: 'Levant' } } }, text: { kind: 'outside', codeId: 'c1', withSubCodes: true } },
};

describe('saved searches', () => {
  it('are stored with the settings and read back, though they have no default', async () => {
    const db = freshDb(`saved-${Math.random()}`);
    const repo = createDexieRepository(db);
    expect(await repo.getSettings({ coder: 'Zoe' })).toEqual({ coder: 'Zoe' });
    await repo.saveSettings({ coder: 'Zoe', savedSearches: [saved], searchStopWords: 'the of coalition' });
    expect(await repo.getSettings({ coder: 'Ada' })).toEqual({ coder: 'Zoe', savedSearches: [saved], searchStopWords: 'the of coalition' });
    repo.close();
  });

  it('travel in a backup', () => {
    const json = exportBackup({ documents: [], codes: [], segments: [], memos: [], settings: { coder: 'Zoe', savedSearches: [saved] } }, '2026-01-01T00:00:00.000Z');
    const parsed = parseBackup(json);
    expect(parsed.ok && parsed.backup.settings.savedSearches).toEqual([saved]);
  });
});
