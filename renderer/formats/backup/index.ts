/** The project backup (JSON): the whole project out, and back in by replacing or merging. */
import type { FormatDefinition } from '../format';
import { exportBackup } from './backup';
import { readBackupOffThread } from './offThread';
import { jsonObjectWith } from '../sniff';
import { BACKUP_FORMAT } from './schema';

export const backup: FormatDefinition = {
  id: 'backup',
  label: 'Project backup (JSON)',
  extensions: ['json'],
  mimeType: 'application/json',
  looksLike: (head) => jsonObjectWith(head, 'format', BACKUP_FORMAT),
  export: {
    hint: 'Everything you coded, to restore later or on another computer.',
    fileSuffix: '-project.json',
    texts: 'none',
    write: async (data, options) => ({ content: exportBackup(data, options.now), encoding: 'utf8' }),
  },
  import: {
    picks: 'file',
    hint: 'A backup made with Export: replace this project with it, or merge it in.',
    read: async (bytes, file) => ({ kind: 'project', ...(await readBackupOffThread(bytes, file.name, file.signal)) }),
  },
};
