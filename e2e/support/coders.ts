/**
 * Two coders on the bundled corpus's first document: alice codes P1–P3 with FTF, bob P1, P2 and
 * P4 — and the agreement figures those codings must give, worked out by hand.
 */
import { expect, type Page } from '@playwright/test';
import { codeOption, codingPopup } from './coding';
import { BUNDLED_CORPUS } from './host';
import { dragSelect, manifest, normalisedFile } from './text';

export const P1 = 'Didier Reynders';
export const P2 = 'continue expanding Coalition efforts';
export const P3 = 'constraining its freedom of movement';
export const P4 = 'decreasing its finances';

/** Changes the Coder field (saved on blur, not only after the typing pause). */
export async function becomeCoder(page: Page, name: string) {
  const field = page.getByRole('textbox', { name: 'Coder' });
  await field.fill(name);
  await field.blur();
  await expect(field).toHaveValue(name);
}

/** Codes the passage with FTF through the coding popup and waits for the change to be stored. */
export async function codeFtf(page: Page, passage: string) {
  await dragSelect(page, passage, passage);
  await codeOption(page, 'FTF').click();
  await expect(codingPopup(page)).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Apply code FTF' })).toBeVisible();
}

/** The two coders' work this file describes: alice codes P1–P3 with FTF, then bob P1, P2 and P4. */
export async function codeAsAliceAndBob(page: Page) {
  await becomeCoder(page, 'alice');
  for (const p of [P1, P2, P3]) await codeFtf(page, p);
  await becomeCoder(page, 'bob');
  for (const p of [P1, P2, P4]) await codeFtf(page, p);
}

/** Percentage agreement and Cohen's kappa for FTF, by hand: every character of the document a unit. */
export function expectedFigures() {
  const doc = manifest(BUNDLED_CORPUS).documents[0]!;
  const text = normalisedFile(BUNDLED_CORPUS, doc.file);
  for (const p of [P1, P2, P3, P4]) expect(text.indexOf(p), p).toBeGreaterThan(-1);
  const n = text.length;
  const both = P1.length + P2.length; // coded by alice and bob
  const onlyA = P3.length;
  const onlyB = P4.length;
  const neither = n - both - onlyA - onlyB;
  const po = (both + neither) / n;
  const pA = (both + onlyA) / n;
  const pB = (both + onlyB) / n;
  const pe = pA * pB + (1 - pA) * (1 - pB);
  return { title: doc.title, percent: `${(po * 100).toFixed(1)}%`, kappa: ((po - pe) / (1 - pe)).toFixed(3) };
}
