/**
 * The native dialogs of File ▸ New Project, Open Project and Save Project As (Electron only):
 * main/project/projects.ts asks through ProjectDialogs, the Node host lists its data folder instead.
 */
import { app, dialog } from 'electron';
import type { BrowserWindow, OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { PROJECT_EXTENSION } from '../common/projectFile';
import { openProjectOptions } from './openProjectDialog';
import type { ProjectDialogs } from './project/projects';

export function createProjectDialogs(getWindow: () => BrowserWindow | null): ProjectDialogs {
  const openDialog = async (options: OpenDialogOptions): Promise<string | null> => {
    const window = getWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  };
  const saveDialog = async (options: SaveDialogOptions): Promise<string | null> => {
    const window = getWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  return {
    chooseProjectToOpen: () => openDialog(openProjectOptions(process.platform)),
    chooseProjectLocation: (title, suggestedName) =>
      saveDialog({
        title,
        buttonLabel: 'Create',
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters: [{ name: 'Marginalia project', extensions: [PROJECT_EXTENSION] }],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      }),
    chooseDocumentsFolder: () => openDialog({ title: 'Choose the folder of your documents', properties: ['openDirectory'] }),
  };
}
