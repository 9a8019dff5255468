/**
 * What File ▸ Open project… lets the analyst choose, on each system. macOS shows a project folder
 * as one document (a package), so its dialog takes that, or an entry file. Windows and Linux have
 * no dialog that picks files and folders at once (Electron shows a folder picker then), so theirs
 * picks a file: the project's entry file inside its folder, or — for a folder made before entry
 * files — its project.json. Every answer goes through resolveProjectFolder (main/project/entryFile.ts).
 */
import type { OpenDialogOptions } from 'electron';
import { ENTRY_FILE_EXTENSION, PROJECT_EXTENSION } from '../common/projectFile';

export function openProjectOptions(platform: NodeJS.Platform): OpenDialogOptions {
  const common = { title: 'Open project', buttonLabel: 'Open' };
  if (platform === 'darwin') {
    return {
      ...common,
      properties: ['openFile', 'openDirectory'],
      filters: [{ name: 'Marginalia project', extensions: [PROJECT_EXTENSION, ENTRY_FILE_EXTENSION] }],
    };
  }
  return {
    ...common,
    properties: ['openFile'],
    filters: [
      { name: 'Marginalia project', extensions: [ENTRY_FILE_EXTENSION] },
      { name: `Project folder without a .${ENTRY_FILE_EXTENSION} file (its project.json)`, extensions: ['json'] },
    ],
  };
}
