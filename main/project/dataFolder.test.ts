import { describe, expect, it } from 'vitest';
import { defaultDataFolder } from './dataFolder';

describe('the default data folder', () => {
  it("is the user's data directory of each system", () => {
    expect(defaultDataFolder('linux', {}, '/home/ada')).toBe('/home/ada/.local/share/marginalia');
    expect(defaultDataFolder('linux', { XDG_DATA_HOME: '/data/ada' }, '/home/ada')).toBe('/data/ada/marginalia');
    expect(defaultDataFolder('linux', { XDG_DATA_HOME: 'relative/ignored' }, '/home/ada')).toBe('/home/ada/.local/share/marginalia');
    expect(defaultDataFolder('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Marginalia');
    expect(defaultDataFolder('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toMatch(/Roaming.Marginalia$/);
  });
});
