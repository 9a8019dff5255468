/**
 * Codebook rules: creating, editing, moving, merging and deleting codes. Each operation is a
 * pure function of the current rows that returns a Change (complete rows forward, the exact
 * previous rows backward); nothing here touches storage.
 */
import { DomainError, type Change } from './change';
import { descendantIds, siblingsInOrder } from './codeTree';
import { ChangeRecorder, type OpContext } from './context';
import { hasCode } from './codings';
import { HEX_COLOUR, type Code, type Coding, type Segment } from './model';
import { childColour, nextColour } from './palette';
import type { SavedSearch } from './search/savedSearch';
import { repointSearchScopes } from './search/savedSearchChanges';

export const MAX_CODE_NAME_LENGTH = 200;

export interface NewCode {
  name: string;
  colour?: string;
  description?: string;
  parentId?: string | null;
  shortcut?: number | null;
}

export interface CodeEdit {
  name?: string;
  colour?: string;
  description?: string;
  shortcut?: number | null;
}

/** Names are compared trimmed, NFC and case-insensitively, so "ftf" clashes with "FTF". */
export function nameKey(name: string): string {
  return name.trim().normalize('NFC').toLocaleLowerCase();
}

/**
 * Names are unique among siblings only: "Other" may sit under two parents (paths tell them
 * apart), as real codebooks from NVivo and MAXQDA have it.
 */
function siblingClash(codes: readonly Code[], name: string, parentId: string | null, selfId: string | null): Code | undefined {
  const key = nameKey(name);
  return codes.find((c) => c.id !== selfId && c.parentId === parentId && nameKey(c.name) === key);
}

/** The code named `name` (compared as sibling names are) among the children of `parentId`. */
export function codeNamed(codes: readonly Code[], name: string, parentId: string | null): Code | undefined {
  return siblingClash(codes, name, parentId, null);
}

function clashMessage(clash: Code, parentId: string | null, codes: readonly Code[]): string {
  const parent = parentId === null ? null : codes.find((c) => c.id === parentId);
  return parent ? `“${parent.name}” already has a sub-code named “${clash.name}”` : `A top-level code named “${clash.name}” already exists`;
}

function validName(codes: readonly Code[], raw: string, selfId: string | null, parentId: string | null): string {
  const name = raw.trim();
  if (!name) throw new DomainError('A code needs a name');
  if (name.length > MAX_CODE_NAME_LENGTH) {
    throw new DomainError(`A code name can be at most ${MAX_CODE_NAME_LENGTH} characters`);
  }
  const clash = siblingClash(codes, name, parentId, selfId);
  if (clash) throw new DomainError(clashMessage(clash, parentId, codes));
  return name;
}

/** Refuses to put codes under a parent where a sibling already has one of their names. */
function assertNoClashUnder(codes: readonly Code[], moving: readonly Code[], parentId: string | null): void {
  const movingIds = new Set(moving.map((c) => c.id));
  const staying = codes.filter((c) => !movingIds.has(c.id));
  const seen = new Map<string, Code>();
  for (const code of moving) {
    const clash = siblingClash(staying, code.name, parentId, code.id) ?? seen.get(nameKey(code.name));
    if (clash) throw new DomainError(clashMessage(clash, parentId, codes));
    seen.set(nameKey(code.name), code);
  }
}

function validColour(colour: string): string {
  if (!HEX_COLOUR.safeParse(colour).success) throw new DomainError(`“${colour}” is not a #RRGGBB colour`);
  return colour.toLowerCase();
}

function validShortcut(shortcut: number | null): number | null {
  if (shortcut === null) return null;
  if (!Number.isInteger(shortcut) || shortcut < 1 || shortcut > 9) {
    throw new DomainError('A shortcut must be a digit from 1 to 9');
  }
  return shortcut;
}

function findCode(codes: readonly Code[], id: string): Code {
  const code = codes.find((c) => c.id === id);
  if (!code) throw new DomainError('That code no longer exists');
  return code;
}

/** A digit belongs to one code: taking it releases it from whoever held it (same change). */
function releaseShortcut(codes: readonly Code[], shortcut: number | null, takerId: string, rec: ChangeRecorder, now: string) {
  if (shortcut === null) return;
  for (const holder of codes) {
    if (holder.id !== takerId && holder.shortcut === shortcut) {
      rec.put('codes', holder.id, holder, { ...holder, shortcut: null, updatedAt: now });
    }
  }
}

/**
 * Writes `order` as the positions 0, 1, 2… of the children of `parentId`, recording only the
 * rows whose parent or position changes.
 */
function placeSiblings(order: readonly Code[], parentId: string | null, rec: ChangeRecorder, now: string): Code[] {
  const written: Code[] = [];
  order.forEach((code, position) => {
    if (code.parentId === parentId && code.position === position) return;
    const after = { ...code, parentId, position, updatedAt: now };
    rec.put('codes', code.id, code, after);
    written.push(after);
  });
  return written;
}

/** `codes` with some rows replaced by newer versions of them. */
function withRows(codes: readonly Code[], rows: readonly Code[]): Code[] {
  const newer = new Map(rows.map((r) => [r.id, r]));
  return codes.map((c) => newer.get(c.id) ?? c);
}

/**
 * The position after the last child of `parentId`. Children without a position (older rows,
 * imported files) are numbered first in their shown order, so the new one comes last.
 */
function positionAtEnd(codes: readonly Code[], parentId: string | null, rec: ChangeRecorder, now: string) {
  const siblings = siblingsInOrder(codes, parentId);
  if (siblings.some((c) => c.position === undefined)) {
    return { position: siblings.length, placed: placeSiblings(siblings, parentId, rec, now) };
  }
  return { position: siblings.reduce((last, c) => Math.max(last, c.position! + 1), 0), placed: [] };
}

export function createCode(codes: readonly Code[], input: NewCode, ctx: OpContext): { change: Change; code: Code } {
  const parentId = input.parentId ?? null;
  if (parentId !== null) findCode(codes, parentId);
  const name = validName(codes, input.name, null, parentId);
  const shortcut = validShortcut(input.shortcut ?? null);
  const rec = new ChangeRecorder();
  const { position, placed } = positionAtEnd(codes, parentId, rec, ctx.now);
  const code: Code = {
    id: ctx.newId(),
    name,
    colour: input.colour !== undefined ? validColour(input.colour) : parentId === null ? nextColour(codes) : childColour(codes, parentId),
    description: (input.description ?? '').trim(),
    parentId,
    shortcut,
    position,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  // A renumbered sibling may also give up its shortcut: release from its renumbered row.
  releaseShortcut(withRows(codes, placed), shortcut, code.id, rec, ctx.now);
  rec.put('codes', code.id, null, code);
  return { change: rec.build(`Create code ${name}`), code };
}

const EDITABLE = ['name', 'colour', 'description', 'shortcut'] as const;

function editLabel(before: Code, after: Code): string {
  const changed = EDITABLE.filter((k) => before[k] !== after[k]);
  if (changed.length !== 1) return `Edit code ${after.name}`;
  switch (changed[0]) {
    case 'name':
      return `Rename code ${before.name} → ${after.name}`;
    case 'colour':
      return `Change colour of ${after.name}`;
    case 'description':
      return `Edit description of ${after.name}`;
    default:
      return after.shortcut === null ? `Remove shortcut of ${after.name}` : `Set shortcut ${after.shortcut} for ${after.name}`;
  }
}

/** Edits a code's own fields. An edit that changes nothing returns an empty change. */
export function updateCode(codes: readonly Code[], id: string, edit: CodeEdit, ctx: OpContext): Change {
  const before = findCode(codes, id);
  const after: Code = {
    ...before,
    name: edit.name === undefined ? before.name : validName(codes, edit.name, id, before.parentId),
    // Same colour in other letter case is no edit (validColour lower-cases).
    colour:
      edit.colour === undefined || edit.colour.toLowerCase() === before.colour.toLowerCase()
        ? before.colour
        : validColour(edit.colour),
    description: edit.description === undefined ? before.description : edit.description.trim(),
    shortcut: edit.shortcut === undefined ? before.shortcut : validShortcut(edit.shortcut),
  };
  const rec = new ChangeRecorder();
  const unchanged = EDITABLE.every((k) => before[k] === after[k]);
  if (unchanged) return rec.build(`Edit code ${before.name}`);
  if (after.shortcut !== before.shortcut) releaseShortcut(codes, after.shortcut, id, rec, ctx.now);
  rec.put('codes', id, before, { ...after, updatedAt: ctx.now });
  return rec.build(editLabel(before, after));
}

/** Refuses to put a code under itself or its own descendant (the tree would become a loop). */
function assertNotInto(codes: readonly Code[], id: string, destinationId: string, verb: string) {
  if (destinationId === id || descendantIds(codes, id).has(destinationId)) {
    const code = findCode(codes, id);
    const destination = findCode(codes, destinationId);
    throw new DomainError(
      destinationId === id
        ? `Cannot ${verb} “${code.name}” into itself`
        : `Cannot ${verb} “${code.name}” into its own sub-code “${destination.name}”`,
    );
  }
}

/** Moves a code under another (or to the top level), after its new siblings. */
export function moveCode(codes: readonly Code[], id: string, newParentId: string | null, ctx: OpContext): Change {
  const code = findCode(codes, id);
  if (code.parentId === newParentId) return new ChangeRecorder().build(moveLabel(codes, code, newParentId));
  return reorderCode(codes, id, newParentId, siblingsInOrder(codes, newParentId).length, ctx);
}

function moveLabel(codes: readonly Code[], code: Code, parentId: string | null): string {
  if (parentId === null) return `Move ${code.name} to the top level`;
  return `Move ${code.name} under ${findCode(codes, parentId).name}`;
}

/**
 * Puts a code at `index` among the children of `parentId` (null: the top level), counted
 * without the code itself, so index 0 is first and the number of other children is last.
 * Moving to another parent follows the rules of moveCode (no loop, no sibling-name clash).
 * Only siblings whose position changes are written.
 */
export function reorderCode(codes: readonly Code[], id: string, parentId: string | null, index: number, ctx: OpContext): Change {
  const code = findCode(codes, id);
  if (parentId !== null) {
    findCode(codes, parentId);
    assertNotInto(codes, id, parentId, 'move');
  }
  const moving = code.parentId !== parentId;
  if (moving) assertNoClashUnder(codes, [code], parentId);
  const others = siblingsInOrder(codes, parentId).filter((c) => c.id !== id);
  const at = Math.max(0, Math.min(Math.trunc(index), others.length));
  const rec = new ChangeRecorder();
  placeSiblings([...others.slice(0, at), code, ...others.slice(at)], parentId, rec, ctx.now);
  return rec.build(moving ? moveLabel(codes, code, parentId) : `Reorder ${code.name}`);
}

const childrenOf = (codes: readonly Code[], id: string) => codes.filter((c) => c.parentId === id);

/** Source's codings and children go to target; source disappears. */
export function mergeCodes(
  codes: readonly Code[],
  segments: readonly Segment[],
  sourceId: string,
  targetId: string,
  ctx: OpContext,
  savedSearches: readonly SavedSearch[] = [],
): Change {
  const source = findCode(codes, sourceId);
  const target = findCode(codes, targetId);
  assertNotInto(codes, sourceId, targetId, 'merge');
  assertNoClashUnder(codes, childrenOf(codes, sourceId), targetId);
  const rec = new ChangeRecorder();
  for (const segment of segments) {
    if (!hasCode(segment, sourceId)) continue;
    // Fold: a coder who had both codes on the segment keeps the target's coding once.
    const codings: Coding[] = [];
    for (const coding of segment.codings) {
      const moved = coding.codeId === sourceId ? { ...coding, codeId: targetId } : coding;
      if (!codings.some((c) => c.codeId === moved.codeId && c.coder === moved.coder)) codings.push(moved);
    }
    rec.put('segments', segment.id, segment, { ...segment, codings, updatedAt: ctx.now });
  }
  // The source's sub-codes follow the target's own.
  const order = [...siblingsInOrder(codes, targetId), ...siblingsInOrder(codes, sourceId)].filter((c) => c.id !== sourceId);
  placeSiblings(order, targetId, rec, ctx.now);
  rec.put('codes', sourceId, source, null);
  repointSearchScopes(savedSearches, sourceId, targetId, rec);
  return rec.build(`Merge code ${source.name} into ${target.name}`);
}

/** Deletes a code; children move up, its codings go, and segments left with no coding go too. */
export function deleteCode(codes: readonly Code[], segments: readonly Segment[], id: string, ctx: OpContext, savedSearches: readonly SavedSearch[] = []): Change {
  const code = findCode(codes, id);
  assertNoClashUnder(codes, childrenOf(codes, id), code.parentId);
  const rec = new ChangeRecorder();
  // The sub-codes take the deleted code's place among its siblings.
  const order = siblingsInOrder(codes, code.parentId).flatMap((c) => (c.id === id ? siblingsInOrder(codes, id) : [c]));
  placeSiblings(order, code.parentId, rec, ctx.now);
  for (const segment of segments) {
    if (!hasCode(segment, id)) continue;
    const codings = segment.codings.filter((c) => c.codeId !== id);
    rec.put('segments', segment.id, segment, codings.length ? { ...segment, codings, updatedAt: ctx.now } : null);
  }
  rec.put('codes', id, code, null);
  const widened = repointSearchScopes(savedSearches, id, null, rec);
  const note = widened === 0 ? '' : ` (${widened} saved search${widened === 1 ? '' : 'es'} that looked in it now search${widened === 1 ? 'es' : ''} anywhere)`;
  return rec.build(`Delete code ${code.name}${note}`);
}
