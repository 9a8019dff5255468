import { describe, expect, it } from 'vitest';
import { openProjectOptions } from './openProjectDialog';

describe('File ▸ Open project…', () => {
  it('on macOS picks the project folder (a package there) or an entry file', () => {
    expect(openProjectOptions('darwin')).toMatchObject({
      properties: ['openFile', 'openDirectory'],
      filters: [{ name: 'Marginalia project', extensions: ['marginalia', 'marginalia-project'] }],
    });
  });

  it('on Windows and Linux picks a file — the entry file, or an older folder’s project.json — as no dialog there picks files and folders at once', () => {
    for (const platform of ['win32', 'linux'] as const) {
      const options = openProjectOptions(platform);
      expect(options.properties).toEqual(['openFile']);
      expect(options.filters?.map((f) => f.extensions)).toEqual([['marginalia-project'], ['json']]);
      expect(options.filters?.[1]?.name).toMatch(/without a \.marginalia-project file \(its project\.json\)/);
    }
  });
});
