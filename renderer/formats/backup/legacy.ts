/**
 * Backups from before codings were rows (version 1): a segment carried `codeIds` and one
 * `coder` for all of them. Such a file is read by converting each segment exactly as the Dexie
 * v3 upgrade converts a stored one (see store/db.ts), so restoring an old backup gives what
 * upgrading the old database gives; the converted backup is then validated like a current one.
 */

/** The backup version whose segments carry codeIds + coder. */
export const CODE_IDS_BACKUP_VERSION = 1;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function segmentWithCodings(segment: unknown, repeats: { count: number }): unknown {
  if (!isObject(segment) || Array.isArray(segment.codings)) return segment;
  const { codeIds, coder, ...rest } = segment;
  const ids = Array.isArray(codeIds) ? codeIds : [];
  repeats.count += ids.length - new Set(ids).size;
  return {
    ...rest,
    codings: [...new Set(ids)].map((codeId) => ({
      id: `${String(segment.id)}/${String(codeId)}`,
      codeId,
      coder: typeof coder === 'string' ? coder : '',
      createdAt: segment.createdAt,
    })),
  };
}

/**
 * Backups written before saved searches were rows held them in `settings.savedSearches`: they
 * are read as the backup's own `savedSearches` (a backup that has both keeps its own list).
 */
export function withSavedSearchesOnTop(json: Record<string, unknown>): Record<string, unknown> {
  if (!isObject(json.settings) || !('savedSearches' in json.settings)) return json;
  const { savedSearches, ...settings } = json.settings;
  return { ...json, settings, savedSearches: json.savedSearches ?? savedSearches };
}

/**
 * A version 1 backup as the current version would hold it (nothing else differs). A code listed
 * more than once on a segment becomes one coding, and `report` says how many repeats were dropped.
 */
export function withCodings(json: Record<string, unknown>, version: number, report: string[]): Record<string, unknown> {
  const repeats = { count: 0 };
  const segments = Array.isArray(json.segments) ? json.segments.map((s) => segmentWithCodings(s, repeats)) : json.segments;
  if (repeats.count) report.push(`${repeats.count} repeat(s) of a code already listed on the same segment were dropped (a code is applied to a passage once).`);
  return { ...json, version, segments };
}
