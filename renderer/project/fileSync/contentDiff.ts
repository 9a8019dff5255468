/**
 * What the database holds that the project file lacks: the rows to put and to delete so the
 * file ends as the database is, and the settings if they differ. Used when the database holds
 * changes the file never got (an older build's database, or a journal whose tail was lost).
 */
import { PROJECT_TABLES, PROJECT_TABLE_NAMES } from '../../../common/projectFile';
import type { ProjectPatch, ProjectRow } from '../../../common/projectFile';
import { rowsById } from '../../domain/change';
import type { DatabaseContent } from '../../store/projectContent';

export interface ContentDifference {
  patch: ProjectPatch;
  /** The database's settings when they differ from the file's; null when they agree. */
  settings: Record<string, unknown> | null;
  /** Rows put or deleted. */
  rows: number;
}

const same = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function differenceToFile(database: DatabaseContent, file: DatabaseContent): ContentDifference {
  const patch: ProjectPatch = {};
  let count = 0;
  for (const table of PROJECT_TABLE_NAMES) {
    const key = PROJECT_TABLES[table];
    const inFile = new Map<string, ProjectRow>(file.tables[table].map((row) => [String(row[key]), row]));
    const rows = rowsById<ProjectRow | null>();
    for (const row of database.tables[table]) {
      const id = String(row[key]);
      if (!same(inFile.get(id), row)) rows[id] = row;
      inFile.delete(id);
    }
    for (const id of inFile.keys()) rows[id] = null;
    const changed = Object.keys(rows).length;
    if (changed > 0) patch[table] = rows;
    count += changed;
  }
  const settings = database.settings !== null && !same(database.settings, file.settings) ? database.settings : null;
  return { patch, settings, rows: count };
}
