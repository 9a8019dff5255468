/**
 * saveExport, openImport and openDocuments for Electron: native dialogs, then main/files for the bytes.
 * The renderer only ever suggests a file name; the analyst picks the place.
 */
import { app, dialog } from 'electron';
import type { BrowserWindow, FileFilter } from 'electron';
import { basename, extname, join } from 'node:path';
import type { HostCapabilities } from './api';
import { writeFileAtomically } from './files/exportFile';
import { readImportFile } from './files/importFile';
import { MAX_DOCUMENT_BYTES } from './corpus/loadCorpus';
import { errorMessage } from '../common/errorMessage';

export function createDialogHandlers(getWindow: () => BrowserWindow | null): Pick<HostCapabilities, 'saveExport' | 'openImport' | 'openDocuments'> {
  return {
    saveExport: async (request) => {
      const window = getWindow();
      const options = {
        title: 'Export',
        defaultPath: join(app.getPath('documents'), request.suggestedName),
        filters: filtersFor(request.suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'] as Array<'createDirectory' | 'showOverwriteConfirmation'>,
      };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      if (result.canceled || !result.filePath) return { saved: false, location: null };
      await writeFileAtomically(result.filePath, request.content, request.encoding);
      return { saved: true, location: result.filePath };
    },
    openImport: async (request) => {
      const window = getWindow();
      const options = {
        title: request.title || 'Import',
        properties: ['openFile'] as Array<'openFile'>,
        filters: [{ name: request.title || 'Import', extensions: request.extensions }],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      const path = result.filePaths[0];
      if (result.canceled || path === undefined) return null;
      return readImportFile(path);
    },
    openDocuments: async (request) => {
      const window = getWindow();
      const options = {
        title: request.title || 'Add documents',
        properties: ['openFile', 'multiSelections'] as Array<'openFile' | 'multiSelections'>,
        filters: [{ name: 'Documents', extensions: request.extensions }],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      if (result.canceled || result.filePaths.length === 0) return null;
      // One unreadable file is that file's result, not the end of the batch.
      return Promise.all(
        result.filePaths.map((path) =>
          readImportFile(path, MAX_DOCUMENT_BYTES).catch((error: unknown) => ({
            name: basename(path),
            error: errorMessage(error),
          })),
        ),
      );
    },
  };
}

function filtersFor(fileName: string): FileFilter[] {
  const extension = extname(fileName).slice(1).toLowerCase();
  if (extension === '') return [{ name: 'All files', extensions: ['*'] }];
  return [
    { name: `${extension.toUpperCase()} file`, extensions: [extension] },
    { name: 'All files', extensions: ['*'] },
  ];
}
