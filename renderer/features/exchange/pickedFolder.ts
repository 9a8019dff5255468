/**
 * The files of a folder picked with `<input type="file" webkitdirectory>`: each file's
 * webkitRelativePath starts with the picked folder's own name ("Study.marginalia/project.json"),
 * which becomes the import's name; the format sees paths inside the folder. Chromium (and so
 * Electron) lists every file under the folder, subfolders included, and none for an empty one.
 */
import type { FolderFile } from '../../formats/format';

export interface PickedFolder {
  name: string;
  files: FolderFile[];
}

export function pickedFolder(files: readonly File[]): PickedFolder | null {
  const first = files[0];
  if (!first) return null;
  const name = first.webkitRelativePath.split('/')[0] || first.name;
  return {
    name,
    files: files.map((file) => ({ path: file.webkitRelativePath.split('/').slice(1).join('/') || file.name, blob: file })),
  };
}
