/** Reading a colleague's project folder: what its worker does (see offThread.ts), or the same inline. */
import { checkBackup } from '../backup/backup';
import type { BackupRead } from '../backup/read';
import type { FolderFile } from '../format';
import { backupOfContent } from './asBackup';
import { readFolderContent } from './content';

export interface ProjectFolderRequest {
  files: readonly FolderFile[];
  /** When the import happens. */
  now: string;
}

/** The project as a checked backup, and the report: a damaged journal tail, rows left out. Throws an Error that says why it is refused. */
export async function readProjectFolder({ files, now }: ProjectFolderRequest): Promise<BackupRead> {
  const { content, name, notices } = await readFolderContent(files);
  const { json, report } = backupOfContent(content, name, now);
  const checked = checkBackup(json);
  if (!checked.ok) throw new Error(`The project “${name}” cannot be imported: ${checked.message}`);
  return { backup: checked.backup, report: [`Read the project “${name}” as it was after its change ${content.seq}.`, ...notices, ...report, ...checked.report] };
}
