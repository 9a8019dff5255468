/**
 * Reads a file the analyst chose to import, as base64 (imports may be ZIP archives such as
 * .qdpx). The size is checked before reading so a wrong pick cannot exhaust memory.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { bytesToBase64 } from '../../common/bytes';

export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

export interface ImportedFile {
  name: string;
  base64: string;
}

export async function readImportFile(path: string, maxBytes: number = MAX_IMPORT_BYTES): Promise<ImportedFile> {
  const name = basename(path);
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error(`${name} is not a file`);
    size = info.size;
  } catch (error) {
    throw new Error(readableError(name, error));
  }
  if (size > maxBytes) {
    throw new Error(`${name} is ${toMegabytes(size)} MB; imports are limited to ${toMegabytes(maxBytes)} MB`);
  }
  try {
    const bytes = await readFile(path);
    return { name, base64: bytesToBase64(bytes) };
  } catch (error) {
    throw new Error(readableError(name, error));
  }
}

function readableError(name: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `${name} was not found`;
  if (code === 'EACCES' || code === 'EPERM') return `${name} cannot be read: permission denied`;
  if (error instanceof Error && code === undefined) return error.message;
  return `${name} cannot be read (${code ?? String(error)})`;
}

function toMegabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}
