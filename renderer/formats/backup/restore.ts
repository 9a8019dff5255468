/**
 * Turning a parsed backup into one Change, so a restore is a single transaction and can be
 * undone like any other action.
 *
 * - replace: everything current goes, everything in the backup comes in.
 * - merge: nothing current is lost. Ids are kept; a backup code whose path (its parent chain of
 *   names, compared trimmed and case-insensitively) is an existing code's path is that code
 *   (codings are re-pointed to it); names alone never match, so "A > Other" and "B > Other" stay
 *   two codes. New codes come after the codes already under their parent, in the backup's (or
 *   file's) order (see domain/codeOrder.ts). Rows that exist on both sides with different
 *   content are conflicts and the current version stays.
 * Saved searches go in the same change (restoreSavedSearches.ts), their scopes' codes mapped alike.
 */
import { emptyPatch, rowsById, type Change, type Patch } from '../../domain/change';
import { nameKey } from '../../domain/codebook';
import { joinSiblings } from '../../domain/codeOrder';
import type { Attribute, Code, Coding, DocumentInfo, DocumentMemo, ImportedDocument, SavedSearch, Segment } from '../../domain/model';
import { isProjectMemo } from '../../domain/projectMemo';
import type { Backup } from './backup';
import { planSavedSearches } from './restoreSavedSearches';

export interface RestoreTarget {
  codes: readonly Code[];
  segments: readonly Segment[];
  memos: readonly DocumentMemo[];
  importedDocuments?: readonly ImportedDocument[];
  attributes?: readonly Attribute[];
  documentInfo?: readonly DocumentInfo[];
  savedSearches?: readonly SavedSearch[];
}

export interface RestoreReport {
  /** Rows written that did not exist before. */
  added: number;
  /** Existing rows overwritten. */
  replaced: number;
  /** Of those, codes only given a position, so new codes could follow them (merge mode). */
  reordered: number;
  /** Existing rows deleted (replace mode only). */
  removed: number;
  /**
   * Lines for the analyst: rows present on both sides with different content (merge mode), one
   * message each; saved searches whose scope lost its code.
   */
  conflicts: string[];
}

export interface RestorePlan {
  change: Change;
  report: RestoreReport;
}

type Table = 'codes' | 'segments' | 'memos' | 'documents' | 'attributes' | 'documentInfo' | 'savedSearches';

/** Collects forward/backward rows, remembering each key's value before the change. */
class PatchBuilder {
  readonly forward: Patch = emptyPatch();
  readonly backward: Patch = emptyPatch();
  readonly report: RestoreReport = { added: 0, replaced: 0, reordered: 0, removed: 0, conflicts: [] };

  write<T>(table: Table, key: string, before: T | undefined, after: T | null): void {
    // attributes, documentInfo and savedSearches appear only in changes that write them (see emptyPatch).
    const tables = (patch: Patch) => patch as Record<Table, Record<string, T | null> | undefined>;
    (tables(this.forward)[table] ??= rowsById())[key] = after;
    (tables(this.backward)[table] ??= rowsById())[key] = before ?? null;
    if (after === null) this.report.removed += before ? 1 : 0;
    else if (before) this.report.replaced++;
    else this.report.added++;
  }
}

const keyed = <T>(rows: readonly T[], key: (row: T) => string) => new Map(rows.map((r) => [key(r), r]));
const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const short = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

function planReplace(current: RestoreTarget, backup: Backup, out: PatchBuilder): void {
  const tables: Array<[Table, Map<string, unknown>, Map<string, unknown>]> = [
    ['codes', keyed(current.codes, (c) => c.id), keyed(backup.codes, (c) => c.id)],
    ['segments', keyed(current.segments, (s) => s.id), keyed(backup.segments, (s) => s.id)],
    ['memos', keyed(current.memos, (m) => m.documentId), keyed(backup.memos, (m) => m.documentId)],
    ['documents', keyed(current.importedDocuments ?? [], (d) => d.id), keyed(backup.importedDocuments ?? [], (d) => d.id)],
    ['attributes', keyed(current.attributes ?? [], (a) => a.id), keyed(backup.attributes ?? [], (a) => a.id)],
    ['documentInfo', keyed(current.documentInfo ?? [], (i) => i.documentId), keyed(backup.documentInfo ?? [], (i) => i.documentId)],
  ];
  for (const [table, before, after] of tables) {
    for (const [key, row] of before) if (!after.has(key)) out.write(table, key, row, null);
    for (const [key, row] of after) out.write(table, key, before.get(key), row);
  }
  const codeIds = new Set(backup.codes.map((c) => c.id));
  planSavedSearches(current.savedSearches ?? [], backup.savedSearches ?? [], 'replace', (id) => (codeIds.has(id) ? id : undefined), writeSearch(out), out.report.conflicts);
}

const writeSearch = (out: PatchBuilder) => (id: string, before: SavedSearch | undefined, after: SavedSearch | null) => out.write('savedSearches', id, before, after);

/** Backup codes parents first, so a child's parent is already mapped when it is reached (linear: depths are remembered). */
function parentsFirst(codes: readonly Code[]): Code[] {
  const byId = new Map(codes.map((c) => [c.id, c]));
  const depths = new Map<string, number>();
  for (const code of codes) {
    const chain: Code[] = [];
    const onChain = new Set<string>();
    let base = 0;
    for (let c: Code | undefined = code; c && !onChain.has(c.id); c = c.parentId === null ? undefined : byId.get(c.parentId)) {
      const known = depths.get(c.id);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(c);
      onChain.add(c.id);
    }
    for (let k = chain.length - 1; k >= 0; k--) depths.set(chain[k]!.id, base + chain.length - k);
  }
  return [...codes].sort((a, b) => depths.get(a.id)! - depths.get(b.id)!);
}

/** A code's place in a codebook: its parent and its name as siblings compare names (see domain/codebook.ts). */
const placeKey = (parentId: string | null, name: string) => `${parentId ?? ''}\u0000${nameKey(name)}`;

/**
 * Maps every backup code to the code it is in the merged codebook. Parents come first, so a
 * child is looked up under its parent's merged id: matching a name under the same parent, level
 * by level, is matching the whole path.
 */
function mergeCodes(current: RestoreTarget, backup: Backup, out: PatchBuilder, now: string): Map<string, string> {
  const idMap = new Map<string, string>();
  const byPlace = new Map(current.codes.map((c) => [placeKey(c.parentId, c.name), c]));
  const currentById = keyed(current.codes, (c) => c.id);
  const added: Code[] = [];
  const addedIds = new Set<string>();
  // A digit applies one code: a current code keeps its shortcut, an incoming one that wants it goes without.
  const shortcuts = new Set(current.codes.flatMap((c) => (c.shortcut === null ? [] : [c.shortcut])));
  for (const code of parentsFirst(backup.codes)) {
    const parentId = code.parentId === null ? null : (idMap.get(code.parentId) ?? code.parentId);
    const sameId = currentById.get(code.id);
    if (sameId) {
      idMap.set(code.id, code.id);
      const differs =
        sameId.name !== code.name || sameId.colour !== code.colour || sameId.description !== code.description || sameId.parentId !== parentId;
      if (differs) out.report.conflicts.push(`Code "${sameId.name}" differs from the backup's "${code.name}"; kept the current one.`);
      continue;
    }
    const samePath = byPlace.get(placeKey(parentId, code.name));
    if (samePath) {
      idMap.set(code.id, samePath.id);
      if (addedIds.has(samePath.id)) {
        out.report.conflicts.push(`Codes "${samePath.name}" and "${code.name}" have one name under one parent; they became one code.`);
      }
      continue;
    }
    const taken = code.shortcut !== null && shortcuts.has(code.shortcut);
    if (taken) out.report.conflicts.push(`Code "${code.name}" came without its shortcut ${code.shortcut}: that digit already applies another code.`);
    else if (code.shortcut !== null) shortcuts.add(code.shortcut);
    const row = { ...code, parentId, shortcut: taken ? null : code.shortcut };
    added.push(row);
    addedIds.add(code.id);
    idMap.set(code.id, code.id);
    byPlace.set(placeKey(parentId, code.name), row);
  }
  const joined = joinSiblings(current.codes, added, now);
  for (const row of joined.added) out.write('codes', row.id, undefined, row);
  for (const row of joined.renumbered) out.write('codes', row.id, currentById.get(row.id), row);
  out.report.reordered += joined.renumbered.length;
  return idMap;
}

/** Codings re-pointed to the merged codes; two that become one coder's same code are one. */
function remapCodings(codings: readonly Coding[], idMap: ReadonlyMap<string, string>): Coding[] {
  const seen = new Set<string>();
  const out: Coding[] = [];
  for (const c of codings) {
    const codeId = idMap.get(c.codeId) ?? c.codeId;
    const key = `${codeId}\u0000${c.coder}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(codeId === c.codeId ? c : { ...c, codeId });
  }
  return out;
}

function planMerge(current: RestoreTarget, backup: Backup, out: PatchBuilder, now: string): void {
  const idMap = mergeCodes(current, backup, out, now);

  const segments = keyed(current.segments, (s) => s.id);
  for (const segment of backup.segments) {
    const remapped = { ...segment, codings: remapCodings(segment.codings, idMap) };
    const existing = segments.get(segment.id);
    if (!existing) out.write('segments', segment.id, undefined, remapped);
    else if (!sameJson(existing, { ...existing, ...remapped })) {
      out.report.conflicts.push(
        `Segment "${short(existing.quote)}" (${segment.id}) in ${segment.documentId} differs from the backup; kept the current one.`,
      );
    }
  }

  const memos = keyed(current.memos, (m) => m.documentId);
  for (const memo of backup.memos) {
    const existing = memos.get(memo.documentId);
    if (!existing || existing.text.trim() === '') out.write('memos', memo.documentId, existing, memo);
    else if (existing.text !== memo.text) {
      out.report.conflicts.push(`${isProjectMemo(memo) ? 'The project memo' : `The memo of ${memo.documentId}`} differs from the backup; kept the current one.`);
    }
  }

  const documents = keyed(current.importedDocuments ?? [], (d) => d.id);
  for (const doc of backup.importedDocuments ?? []) {
    const existing = documents.get(doc.id);
    if (!existing) out.write('documents', doc.id, undefined, doc);
    else if (existing.sha256 !== doc.sha256) {
      out.report.conflicts.push(`Imported document "${existing.title}" (${doc.id}) has a different text in the backup; kept the current one.`);
    }
  }

  // Attributes and document rows: new ones come in; one that differs keeps the current version.
  const attributes = keyed(current.attributes ?? [], (a) => a.id);
  for (const attribute of backup.attributes ?? []) {
    const existing = attributes.get(attribute.id);
    if (!existing) out.write('attributes', attribute.id, undefined, attribute);
    else if (!sameJson(existing, attribute)) out.report.conflicts.push(`Attribute "${existing.name}" differs from the backup's; kept the current one.`);
  }
  const info = keyed(current.documentInfo ?? [], (i) => i.documentId);
  for (const row of backup.documentInfo ?? []) {
    const existing = info.get(row.documentId);
    if (!existing) out.write('documentInfo', row.documentId, undefined, row);
    else if (!sameJson(existing, row)) out.report.conflicts.push(`The title or attribute values of ${row.documentId} differ from the backup; kept the current ones.`);
  }
  // A scope names a backup code, or an existing one when the analyst mapped that code onto it (domain/codeMapping.ts).
  const currentCodes = new Set(current.codes.map((c) => c.id));
  const codeIdOf = (id: string) => idMap.get(id) ?? (currentCodes.has(id) ? id : undefined);
  planSavedSearches(current.savedSearches ?? [], backup.savedSearches ?? [], 'merge', codeIdOf, writeSearch(out), out.report.conflicts);
}

/** `now`: the time stamped on existing codes a merge gives a position. */
export function planRestore(current: RestoreTarget, backup: Backup, mode: 'replace' | 'merge', now = new Date().toISOString()): RestorePlan {
  const out = new PatchBuilder();
  if (mode === 'replace') planReplace(current, backup, out);
  else planMerge(current, backup, out, now);
  return {
    change: {
      label: mode === 'replace' ? 'Restore backup' : 'Merge backup',
      forward: out.forward,
      backward: out.backward,
    },
    report: out.report,
  };
}
