/**
 * Backups from before codings were rows (version 1): a segment carried `codeIds` and one
 * `coder` for all of them. Such a file is read by converting each segment exactly as the Dexie
 * v3 upgrade converts a stored one (see store/db.ts), so restoring an old backup gives what
 * upgrading the old database gives; the converted backup is then validated like a current one.
 */

/** The backup version whose segments carry codeIds + coder. */
export const CODE_IDS_BACKUP_VERSION = 1;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function segmentWithCodings(segment: unknown): unknown {
  if (!isObject(segment) || Array.isArray(segment.codings)) return segment;
  const { codeIds, coder, ...rest } = segment;
  const ids = Array.isArray(codeIds) ? codeIds : [];
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

/** A version 1 backup as the current version would hold it (nothing else differs). */
export function withCodings(json: Record<string, unknown>, version: number): Record<string, unknown> {
  const segments = Array.isArray(json.segments) ? json.segments.map(segmentWithCodings) : json.segments;
  return { ...json, version, segments };
}
