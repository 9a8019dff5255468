/**
 * Writes an export to the path the analyst chose, atomically: the bytes go to a temporary file
 * next to the target and are renamed over it, so a crash or a full disk never leaves a
 * half-written CSV or .qdpx where a good one used to be.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { base64ToBytes } from '../../common/bytes';
import { errorMessage } from '../../common/errorMessage';

export type ExportEncoding = 'utf8' | 'base64';

/** Bytes of the export; malformed base64 throws rather than being saved as other bytes. */
export function exportBytes(content: string, encoding: ExportEncoding): Uint8Array {
  if (encoding === 'utf8') return Buffer.from(content, 'utf8');
  try {
    return base64ToBytes(content);
  } catch (error) {
    throw new Error(`the export content is ${(error as Error).message}`);
  }
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
  return errorMessage(error);
}
