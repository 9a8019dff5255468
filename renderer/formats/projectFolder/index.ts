/**
 * A colleague's Marginalia project folder (`<name>.marginalia/`): read as the project it holds
 * (content.ts, by common/'s rules, the same as main's) and imported as a backup is — replaced or
 * merged, their codings keeping their coder. Read in a worker: a large project is seconds of
 * JSON and hashing; the files are handed over as Blobs, read only where needed.
 */
import type { BackupRead } from '../backup/read';
import type { FormatDefinition } from '../format';
import { runInWorker } from '../offThread';
import { readProjectFolder, type ProjectFolderRequest } from './read';

export const projectFolder: FormatDefinition = {
  id: 'project-folder',
  label: 'Marginalia project (folder)',
  // Offered by no file chooser: a .marginalia the system hands the app is opened, not imported.
  extensions: [],
  mimeType: 'inode/directory',
  import: {
    picks: 'folder',
    hint: "A colleague's project folder: merge their codings in (each keeps its coder), or replace this project with it.",
    pickHint: 'Pick the project folder itself, the one whose name ends in .marginalia (it holds project.json). Your browser may ask to confirm uploading its files: they are only read here.',
    read: (files, file) => {
      const request: ProjectFolderRequest = { files: [...files], now: file.now };
      return runInWorker<BackupRead>({
        start: () => new Worker(new URL('./projectFolderWorker.ts', import.meta.url)),
        message: request,
        inline: () => readProjectFolder(request),
        signal: file.signal,
      }).then((read) => ({ kind: 'project', ...read }));
    },
  },
};
