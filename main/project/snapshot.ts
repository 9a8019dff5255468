/**
 * project.json: written whole to a temporary file, fsync'd, renamed over the old one and the
 * folder fsync'd, so the file on disk is always either the old snapshot or the new one. Written
 * a few thousand rows at a time, yielding between them, so appends keep being answered while a
 * large project is compacted. One row per line: a person can read it and a diff shows changes.
 */
import { open, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DAMAGED_ADVICE, PROJECT_TABLE_NAMES, SNAPSHOT_FILE, upgradeSnapshot } from '../../common/projectFile';
import type { ProjectRow, ProjectSnapshot } from '../../common/projectFile';
import { jsonErrorPlace } from '../../common/text/jsonError';

const ROWS_PER_WRITE = 2_000;

const yieldToEvents = () => new Promise<void>((done) => setImmediate(done));

/** The snapshot as text pieces, header first; rows in batches, so a caller can yield between them. */
function* snapshotPieces(snapshot: ProjectSnapshot): Generator<string> {
  const { tables, ...header } = snapshot;
  const head = JSON.stringify(header, null, 2);
  yield `${head.slice(0, -2)},\n  "tables": {`;
  let firstTable = true;
  for (const table of PROJECT_TABLE_NAMES) {
    const rows: readonly ProjectRow[] = tables[table];
    yield `${firstTable ? '' : ','}\n    ${JSON.stringify(table)}: [`;
    firstTable = false;
    for (let i = 0; i < rows.length; i += ROWS_PER_WRITE) {
      const batch = rows.slice(i, i + ROWS_PER_WRITE).map((row) => `\n      ${JSON.stringify(row)}`);
      yield (i === 0 ? '' : ',') + batch.join(',');
    }
    yield rows.length > 0 ? '\n    ]' : ']';
  }
  yield '\n  }\n}\n';
}

/** fsync a folder so a rename in it is durable; some systems (Windows) cannot, and do not need it. */
export async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // EISDIR/EPERM on Windows: its renames are durable without it.
  } finally {
    await handle?.close();
  }
}

/** Writes a whole file and fsyncs it before resolving. */
export async function writeDurably(path: string, data: string): Promise<void> {
  const handle = await open(path, 'w');
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Writes project.json atomically (temp + fsync + rename + folder fsync). */
export async function writeSnapshot(folder: string, snapshot: ProjectSnapshot): Promise<void> {
  const target = join(folder, SNAPSHOT_FILE);
  const temp = join(folder, `${SNAPSHOT_FILE}.${process.pid}.tmp`);
  const handle = await open(temp, 'w');
  try {
    for (const piece of snapshotPieces(snapshot)) {
      await handle.write(piece);
      await yieldToEvents();
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temp, target);
  await syncFolder(folder);
}

/** Reads, upgrades and checks project.json; `storedVersion` is the version the file was written in. */
export async function readStoredSnapshot(folder: string): Promise<{ snapshot: ProjectSnapshot; storedVersion: number }> {
  const text = await readFile(join(folder, SNAPSHOT_FILE), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const { at, reason } = jsonErrorPlace(text, error);
    throw new Error(`project.json is damaged${at ? ` at ${at}` : ''} (${reason}): ${DAMAGED_ADVICE}`);
  }
  const snapshot = upgradeSnapshot(json);
  return { snapshot, storedVersion: (json as { version: number }).version };
}

/** Reads, upgrades and checks project.json. */
export async function readSnapshot(folder: string): Promise<ProjectSnapshot> {
  return (await readStoredSnapshot(folder)).snapshot;
}
