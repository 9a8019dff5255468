/**
 * Project folders as the host finds and makes them: a project's id, name and corpus read from the
 * head of its project.json, a free folder name for a new project, and the new folder itself.
 */
import { mkdir, open, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { ProjectIdSchema, SNAPSHOT_FILE, projectFolderName } from '../../common/projectFile';
import type { ProjectCorpus } from '../../common/projectFile';
import { ProjectFileError } from './projectFileError';
import { readSnapshot } from './snapshot';

/** The first of `<name>`, `<name> 2`, … whose folder does not exist in `folder`. */
export async function freeFolder(folder: string, name: string): Promise<{ path: string; name: string }> {
  await mkdir(folder, { recursive: true });
  for (let i = 1; ; i++) {
    const candidate = i === 1 ? name : `${name} ${i}`;
    const path = join(folder, projectFolderName(candidate));
    if ((await stat(path).catch(() => null)) === null) return { path, name: candidate };
  }
}

/**
 * A project folder's id, name and corpus without reading its rows: project.json starts with them
 * (main writes them first), so the first few kilobytes suffice. Null when it is no project.
 */
export async function readHeader(folder: string): Promise<{ id: string; name: string; corpus: ProjectCorpus } | null> {
  let handle;
  try {
    handle = await open(join(folder, SNAPSHOT_FILE), 'r');
    const buffer = Buffer.alloc(16 * 1024);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const text = buffer.toString('utf8', 0, bytesRead);
    const end = text.indexOf(',\n  "clients"');
    // Written by something else, in another order: read it all.
    const header = (end === -1 ? await readSnapshot(folder) : JSON.parse(`${text.slice(0, end)}\n}`)) as { id?: unknown; name?: unknown; corpus?: ProjectCorpus };
    if (!ProjectIdSchema.safeParse(header.id).success || typeof header.name !== 'string' || !header.corpus) return null;
    return { id: header.id as string, name: header.name, corpus: header.corpus };
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}

/** Makes a new project's folder; one that exists must be empty (never overwrite a project). */
export async function createEmptyFolder(folder: string): Promise<void> {
  const existing = await stat(folder).catch(() => null);
  if (existing !== null) {
    if (!existing.isDirectory() || (await readdir(folder)).length > 0) {
      throw new ProjectFileError(409, `${basename(folder)} already exists: choose another name.`);
    }
  }
  await mkdir(folder, { recursive: true });
}
