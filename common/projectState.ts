/**
 * The project as main holds it between compactions (and as the renderer rebuilds a colleague's
 * project folder to import it): every table as a map from key to row, the
 * settings, and the last change applied. Rows are never modified in place (a change replaces
 * them), so copying the maps' values is a consistent snapshot.
 */
import { PROJECT_TABLE_NAMES, PROJECT_TABLES, withoutSavedSearches } from './projectFile';
import type { JournalEntry, ProjectRow, ProjectSettings, ProjectTableName, ProjectTables } from './projectFile';

export type TableMaps = Record<ProjectTableName, Map<string, ProjectRow>>;

export class ProjectState {
  private constructor(
    readonly tables: TableMaps,
    public settings: ProjectSettings | null,
  ) {}

  static from(tables: ProjectTables, settings: ProjectSettings | null): ProjectState {
    const maps = {} as TableMaps;
    for (const table of PROJECT_TABLE_NAMES) {
      const key = PROJECT_TABLES[table];
      maps[table] = new Map(tables[table].map((row) => [String(row[key]), row]));
    }
    return new ProjectState(maps, settings);
  }

  apply(entry: JournalEntry): void {
    if (entry.kind === 'settings') {
      // A journal written before version 4 may carry the saved searches in its settings.
      const { settings, savedSearches } = withoutSavedSearches(entry.settings);
      this.settings = settings;
      if (savedSearches) this.tables.savedSearches = new Map(savedSearches.map((row) => [String(row.id), row]));
      return;
    }
    for (const table of PROJECT_TABLE_NAMES) {
      for (const [key, row] of Object.entries(entry.patch[table] ?? {})) {
        if (row === null) this.tables[table].delete(key);
        else this.tables[table].set(key, row);
      }
    }
  }

  /** Each table's rows as arrays (shallow: the rows themselves are shared, and never modified). */
  toTables(): ProjectTables {
    const tables = {} as ProjectTables;
    for (const table of PROJECT_TABLE_NAMES) tables[table] = [...this.tables[table].values()];
    return tables;
  }

  /** True when nothing was ever written: no rows, no settings. */
  get isEmpty(): boolean {
    return this.settings === null && PROJECT_TABLE_NAMES.every((table) => this.tables[table].size === 0);
  }
}
