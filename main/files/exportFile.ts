/**
 * Writes an export to the path the analyst chose, atomically: the bytes go to a temporary file
 * next to the target and are renamed over it, so a crash or a full disk never leaves a
 * half-written CSV or .qdpx where a good one used to be.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export type ExportEncoding = 'utf8' | 'base64';

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Bytes of the export; refuses malformed base64 rather than letting Buffer skip bad characters. */
export function exportBytes(content: string, encoding: ExportEncoding): Buffer {
  if (encoding === 'utf8') return Buffer.from(content, 'utf8');
  if (!BASE64.test(content)) throw new Error('the export content is not valid base64');
  return Buffer.from(content, 'base64');
}

export async function writeFileAtomically(target: string, content: string, encoding: ExportEncoding): Promise<void> {
  const bytes = exportBytes(content, encoding);
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': never follow or reuse something already at the temporary name.
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    throw new Error(`could not save ${basename(target)}: ${describe(error)}`);
  }
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOSPC') return 'the disk is full';
  return error instanceof Error ? error.message : String(error);
}
