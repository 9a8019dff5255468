/** Reading corpus files the way the app does, and selecting text in the viewer like a person. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { normaliseText } from '../../common/text/normalise';
import { decodeStrictUtf8 } from '../../common/text/utf8';

export function normalisedFile(folder: string, file: string): string {
  const decoded = decodeStrictUtf8(new Uint8Array(readFileSync(join(folder, file))));
  if (!decoded.ok) throw new Error(decoded.message);
  return normaliseText(decoded.text);
}

export function manifest(folder: string): { documents: Array<{ id: string; file: string; title: string }> } {
  return JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
}

export const viewerText = (page: Page) => page.getByRole('textbox', { name: 'Document text' });

/** Viewport point of the character at UTF-16 index `index` of the first occurrence of `needle` in the viewer. */
export async function pointOf(page: Page, needle: string, index: number, side: 'left' | 'right') {
  const point = await page.evaluate(
    ({ needle, index, side }) => {
      const root = document.querySelector('[aria-label="Document text"]')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(n, at + index);
        range.setEnd(n, at + index + 1);
        const rect = range.getClientRects()[0]!;
        rect.top; // layout is current
        return { x: side === 'left' ? rect.left + 1 : rect.right - 1, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { needle, index, side },
  );
  if (!point) throw new Error(`text not found in the viewer: ${needle}`);
  return point;
}

/**
 * Drags the mouse from the start of `from` to the end of `to` (each the first occurrence).
 * In right-to-left text a character starts at its right edge.
 */
export async function dragSelect(page: Page, from: string, to: string, direction: 'ltr' | 'rtl' = 'ltr') {
  const [startSide, endSide] = direction === 'ltr' ? (['left', 'right'] as const) : (['right', 'left'] as const);
  const a = await pointOf(page, from, 0, startSide);
  const b = await pointOf(page, to, to.length - 1, endSide);
  await page.mouse.move(a.x, a.y);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2, { steps: 4 });
  await page.mouse.move(b.x, b.y, { steps: 4 });
  await page.mouse.up();
}

/** The selection as the app reports it: {start, end} in UTF-16 offsets of the normalised text. */
export async function reportedSelection(page: Page): Promise<{ start: number; end: number }> {
  // The app reports a selection on the frame after it changes: let two frames pass first.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  const status = page.getByLabel('Selection', { exact: true });
  await expect(status).toHaveText(/Selected characters/);
  const start = Number(await status.getAttribute('data-start'));
  const end = Number(await status.getAttribute('data-end'));
  return { start, end };
}

export async function selectedString(page: Page): Promise<string> {
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}
