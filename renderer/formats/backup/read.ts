/** Reading a backup file's bytes: what its worker does (see offThread.ts), or the same inline. */
import { decodeText } from '../../../common/text/utf8';
import { parseBackup } from './backup';
import type { Backup } from './schema';

export interface BackupRequest {
  bytes: Uint8Array;
  /** The file's name, for messages about its encoding. */
  name: string;
}

/** A backup checked and ready to restore, with what was changed on the way in (e.g. ids re-issued). */
export interface BackupRead {
  backup: Backup;
  report: string[];
}

/** Throws an Error that says why the file is refused. */
export function readBackup({ bytes, name }: BackupRequest): BackupRead {
  const parsed = parseBackup(decodeText(bytes, name));
  if (!parsed.ok) throw new Error(parsed.message);
  return { backup: parsed.backup, report: parsed.report };
}
