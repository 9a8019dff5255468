/**
 * In-vivo coding: a code named after the analyst's selected words (the participants' own
 * terms), created at the top level — or, when a top-level code already has that name, that
 * code — ready to be applied in the same change.
 */
import { emptyPatch, type Change } from './change';
import { codeNamed, createCode } from './codebook';
import type { OpContext } from './context';
import type { Code } from './model';

/** Long enough for a short phrase, short enough to read in the codebook. */
export const IN_VIVO_MAX_LENGTH = 60;

/** Quote marks and separating punctuation are not part of the words. */
const EDGE = /^[\s\p{Pi}\p{Pf}"'`«»„‚,;:]+|[\s\p{Pi}\p{Pf}"'`«»„‚,;:]+$/gu;

/**
 * The name of an in-vivo code: the words trimmed of white space, quote marks and , ; : at
 * either end, inner white space collapsed, cut after the last whole word that fits in
 * IN_VIVO_MAX_LENGTH (a single longer word is cut at a character boundary). "" when no word.
 */
export function inVivoName(words: string, max = IN_VIVO_MAX_LENGTH): string {
  const name = words.replace(/\s+/gu, ' ').replace(EDGE, '');
  if (name.length <= max) return name;
  const cut = name.lastIndexOf(' ', max);
  if (cut > 0) return name.slice(0, cut).replace(EDGE, '');
  const chars = Array.from(name);
  let out = '';
  for (const ch of chars) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/**
 * The code for an in-vivo coding of `words`: the top-level code of that name if there is one
 * (an empty change), else a new one (the change that creates it).
 */
export function inVivoCode(codes: readonly Code[], words: string, ctx: OpContext): { code: Code; change: Change } {
  const name = inVivoName(words);
  const existing = name ? codeNamed(codes, name, null) : undefined;
  if (existing) return { code: existing, change: { label: `Use code ${existing.name}`, forward: emptyPatch(), backward: emptyPatch() } };
  return createCode(codes, { name }, ctx); // an empty name is refused there, with its message
}
