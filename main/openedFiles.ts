/**
 * Files the operating system asks Marginalia to open (a double-clicked .qdpx or project):
 * from the command line on Windows and Linux — the first run's, or a second run's passed on
 * by the single-instance lock — and from macOS's open-file event. They wait here until the
 * page takes them (API `takeOpenedFile`), one at a time, so none is lost while the page is
 * still starting.
 */
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenedFile } from '../common/contract';
import { ENTRY_FILE_EXTENSION } from '../common/projectFile';
import { readImportFile } from './files/importFile';
import { errorMessage } from '../common/errorMessage';

/**
 * The extensions Marginalia registers with the OS (electron-builder.json fileAssociations): a
 * project's entry file (every system) or its folder (a package on macOS), and .qdpx to import.
 */
export const ASSOCIATED_EXTENSIONS = { qdpx: 'import', marginalia: 'project', [ENTRY_FILE_EXTENSION]: 'project' } as const;
export type OpenedKind = (typeof ASSOCIATED_EXTENSIONS)[keyof typeof ASSOCIATED_EXTENSIONS];

export function openedKind(path: string): OpenedKind | null {
  const extension = extname(path).slice(1).toLowerCase();
  return Object.prototype.hasOwnProperty.call(ASSOCIATED_EXTENSIONS, extension)
    ? ASSOCIATED_EXTENSIONS[extension as keyof typeof ASSOCIATED_EXTENSIONS]
    : null;
}

/**
 * The associated files named on a command line, as absolute paths. Flags are skipped, and so is
 * anything else (the executable, the app folder in development). Linux desktop files may pass
 * file:// URLs (%U).
 */
export function openedPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  const paths: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-')) continue;
    let path = arg;
    if (arg.startsWith('file://')) {
      try {
        path = fileURLToPath(arg);
      } catch {
        continue;
      }
    }
    if (openedKind(path) !== null) paths.push(resolve(cwd, path));
  }
  return paths;
}

/** Import files waiting for the page, oldest first. */
export class OpenedFiles {
  private readonly pending: string[] = [];

  add(paths: readonly string[]): void {
    for (const path of paths) if (openedKind(path) === 'import' && !this.pending.includes(path)) this.pending.push(path);
  }

  get size(): number {
    return this.pending.length;
  }

  /** The oldest waiting file's bytes, or why it could not be read; null when none waits. */
  async take(): Promise<OpenedFile> {
    const path = this.pending.shift();
    if (path === undefined) return null;
    try {
      return await readImportFile(path);
    } catch (error) {
      return { name: basename(path), error: errorMessage(error) };
    }
  }
}
