/**
 * Where Marginalia keeps projects and its list of recent ones when nobody says otherwise
 * (`--data DIR` in the Node host): the user's data directory of each system.
 */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

export function defaultDataFolder(
  platform: NodeJS.Platform = process.platform,
  env: Readonly<Record<string, string | undefined>> = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA && env.APPDATA !== '' ? env.APPDATA : join(home, 'AppData', 'Roaming'), 'Marginalia');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Marginalia');
  // XDG Base Directory: a relative XDG_DATA_HOME is invalid and ignored.
  const xdg = env.XDG_DATA_HOME;
  return join(xdg && isAbsolute(xdg) ? xdg : join(home, '.local', 'share'), 'marginalia');
}

/** New projects made without a dialog (the Node host) go here. */
export const projectsFolderOf = (dataFolder: string) => join(dataFolder, 'projects');
