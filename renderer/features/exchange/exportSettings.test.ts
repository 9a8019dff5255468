import { describe, expect, it } from 'vitest';
import { loadExportSettings, saveExportSettings } from './exportSettings';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), items };
}

describe('export settings', () => {
  it('come back as they were saved', () => {
    const storage = memoryStorage();
    expect(loadExportSettings(storage)).toBeNull();
    saveExportSettings({ formatId: 'csv-wide', bom: false, excelSafe: false }, storage);
    expect(loadExportSettings(storage)).toEqual({ formatId: 'csv-wide', bom: false, excelSafe: false });
  });

  it('fall back to none when what is stored is not valid', () => {
    const storage = memoryStorage();
    storage.items.set('marginalia.exportSettings', '{"formatId": 3}');
    expect(loadExportSettings(storage)).toBeNull();
    storage.items.set('marginalia.exportSettings', 'not json');
    expect(loadExportSettings(storage)).toBeNull();
  });
});
