/**
 * The export settings an analyst sets once and expects to find again (format — the CSV shape
 * among them —, UTF-8 BOM, Excel-safe), kept in the browser's storage from one use of the app
 * to the next. Filters are not kept: they belong to one export. What is read back is
 * validated, so a stale or hand-edited value falls back to the defaults.
 */
import { z } from 'zod';

const KEY = 'marginalia.exportSettings';

const SettingsSchema = z.object({
  formatId: z.string().max(50),
  bom: z.boolean(),
  excelSafe: z.boolean(),
});
export type ExportSettings = z.infer<typeof SettingsSchema>;

/** The stored settings, or null when none (or none that validate) are stored. */
export function loadExportSettings(storage: Pick<Storage, 'getItem'> = localStorage): ExportSettings | null {
  try {
    const parsed = SettingsSchema.safeParse(JSON.parse(storage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveExportSettings(settings: ExportSettings, storage: Pick<Storage, 'setItem'> = localStorage): void {
  try {
    storage.setItem(KEY, JSON.stringify(settings));
  } catch {
    // Storage full or unavailable: the settings are a convenience, the export itself succeeded.
  }
}
