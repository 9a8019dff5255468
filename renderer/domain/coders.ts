/**
 * Coders as people in the project: everyone whose name is on a coding, every coder whose colour
 * or initials were chosen (settings), and the current coder. A coder without a chosen profile
 * gets a colour from the palette (the same one every time, from the name) and initials from the
 * name.
 */
import type { CoderProfile } from './model';
import { PALETTE } from './palette';

/** "Alice Smith" → "AS", "bob" → "BO", "j.-p. dupont" → "JP". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s.\-_]+/u).filter(Boolean);
  const letters = words.length > 1 ? words.slice(0, 2).map((w) => [...w][0]!) : [...(words[0] ?? '?')].slice(0, 2);
  return letters.join('').toLocaleUpperCase();
}

/** A palette colour picked by the name, so a coder keeps a colour across sessions. */
export function defaultCoderColour(name: string): string {
  let h = 0;
  for (let i = 0; i < name.length; i++) h = (Math.imul(h, 31) + name.charCodeAt(i)) >>> 0;
  return PALETTE[h % PALETTE.length]!;
}

export const defaultProfile = (name: string): CoderProfile => ({ name, colour: defaultCoderColour(name), initials: initialsOf(name) });

/** Every coder of the project, by name (locale order), with their chosen or default profile. */
export function projectCoders(named: Iterable<string>, chosen: readonly CoderProfile[] = [], current?: string): CoderProfile[] {
  const byName = new Map(chosen.map((p) => [p.name, p]));
  const names = new Set([...named, ...byName.keys()]);
  if (current) names.add(current);
  return [...names].sort((a, b) => a.localeCompare(b)).map((name) => byName.get(name) ?? defaultProfile(name));
}

/** The chosen profiles with `profile` set (added or replaced by name). */
export function withProfile(chosen: readonly CoderProfile[] = [], profile: CoderProfile): CoderProfile[] {
  return [...chosen.filter((p) => p.name !== profile.name), profile].sort((a, b) => a.name.localeCompare(b.name));
}
