/**
 * A project folder's entry file, `Study.marginalia/Study.marginalia-project`: what a person
 * double-clicks to open the project. Only macOS shows a folder as one document (a package);
 * on Linux and Windows a file association cannot point at a folder, so each project folder holds
 * this small file with the associated extension. It only marks the folder around it — project.json
 * is the project — so a renamed folder or entry file opens all the same, and its content is never
 * trusted (it names no path: a moved folder would make that a lie).
 *
 * Everything that takes a project's path (the command line, the OS, the Open dialog) takes the
 * folder, its entry file or its project.json, and resolveProjectFolder says clearly what else is not.
 */
import { lstat, readdir, realpath, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ENTRY_FILE_EXTENSION, SNAPSHOT_FILE, entryFileName } from '../../common/projectFile';
import { ProjectFileError } from './projectFileError';

export const ENTRY_FILE_FORMAT = 'marginalia-project-entry';

/** What the entry file holds: enough for a person (or a script) who opens it to know what it is. */
export function entryFileContent(projectName: string): string {
  const entry = {
    format: ENTRY_FILE_FORMAT,
    version: 1,
    name: projectName,
    about: 'Opens the Marginalia project in the folder around this file. The project itself is that folder (project.json, journal.jsonl, documents/).',
  };
  return `${JSON.stringify(entry, null, 2)}\n`;
}

export const isEntryFileName = (name: string) => name.toLowerCase().endsWith(`.${ENTRY_FILE_EXTENSION}`);

/** The folder's entry file (the first by name, if a person copied one), or null when it has none. */
export async function findEntryFile(folder: string): Promise<string | null> {
  const entries = await readdir(folder, { withFileTypes: true });
  const names = entries.filter((e) => e.isFile() && isEntryFileName(e.name)).map((e) => e.name);
  const first = names.sort()[0];
  return first === undefined ? null : join(folder, first);
}

/**
 * The folder's entry file, written when it has none (a new project, or a folder made before entry
 * files). One the folder has, whatever its name, is kept as it is: it opens the project already.
 */
export async function ensureEntryFile(folder: string, projectName: string): Promise<string> {
  const existing = await findEntryFile(folder);
  if (existing !== null) return existing;
  const path = join(folder, entryFileName(basename(folder)));
  try {
    // 'wx': never over a file of that name (a folder cannot carry it, nor anything a person put there).
    await writeFile(path, entryFileContent(projectName), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return path;
}

/**
 * The project folder a path names without looking at the disk: an entry file's or a project.json's
 * folder, else the path itself. For comparing with folders already known (the Node host opens only
 * those), so that an unknown path is refused before anything is read.
 */
export function folderNamedBy(path: string): string {
  const absolute = resolve(path);
  const name = basename(absolute);
  return isEntryFileName(name) || name.toLowerCase() === SNAPSHOT_FILE ? dirname(absolute) : absolute;
}

/**
 * The project folder a path names — the folder itself, its entry file (or a link to it) or its
 * project.json — checked to hold a project; anything else is refused with a message that says
 * what to choose instead. Nothing is written.
 */
export async function resolveProjectFolder(path: string): Promise<string> {
  const absolute = resolve(path);
  const name = basename(absolute);
  const found = await stat(absolute).catch(() => null);
  if (found === null) throw new ProjectFileError(404, `${absolute} was not found.`);
  if (found.isDirectory()) {
    if (!(await holdsProject(absolute))) throw new ProjectFileError(400, `${name} is not a Marginalia project: it holds no ${SNAPSHOT_FILE}.`);
    return absolute;
  }
  if (!found.isFile() || folderNamedBy(absolute) === absolute) {
    throw new ProjectFileError(
      400,
      `${name} is not a Marginalia project: open the project's folder (its name ends in .marginalia) or the .${ENTRY_FILE_EXTENSION} file inside it.`,
    );
  }
  // A link to the entry file (on the desktop, say) opens the project the file is in.
  const real = (await lstat(absolute)).isSymbolicLink() ? await realpath(absolute) : absolute;
  if (folderNamedBy(real) === real) throw new ProjectFileError(400, `${name} links to ${real}, which is no Marginalia project's file.`);
  const folder = dirname(real);
  if (!(await holdsProject(folder))) {
    throw new ProjectFileError(400, `${name} is not inside a project folder: the folder around it holds no ${SNAPSHOT_FILE} (was it moved out of its project?).`);
  }
  return folder;
}

async function holdsProject(folder: string): Promise<boolean> {
  return (await stat(join(folder, SNAPSHOT_FILE)).catch(() => null))?.isFile() ?? false;
}
