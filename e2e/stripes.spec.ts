/**
 * Margin coding stripes (one per code on a segment, overlaps side by side) and adjusting a
 * segment's span with the handles on its ends, by keyboard and by dragging.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { highlightedTexts, openApp, segmentPanel } from './support/coding';
import { dragSelect, pointOf } from './support/text';

const FIRST = 'Small Group of the Global Coalition';
const SECOND = 'Global Coalition to counter Islamic State';

const stripes = (page: Page) => page.getByRole('toolbar', { name: 'Coding stripes' });
const stripe = (page: Page, code: string, quote: string) => stripes(page).getByRole('button', { name: `${code}: “${quote}”` });
const stripesSwitch = (page: Page) => page.getByRole('checkbox', { name: 'Coding stripes' });
const handle = (page: Page, end: 'Start' | 'End') => page.getByRole('slider', { name: `${end} of the segment` });

/** The passage the stripe under the pointer (or with focus) emphasises, or null. */
const emphasised = (page: Page) =>
  page.evaluate(() => {
    const h = CSS.highlights.get('stripe-emphasis');
    const r = h ? ([...h][0] as AbstractRange | undefined) : undefined;
    if (!r) return null;
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    return range.toString();
  });

/** Codes `passage` with the code whose shortcut is `key` (1 FTF, 2 Stabilization in the default codebook). */
async function code(page: Page, passage: string, key: string) {
  const before = (await highlightedTexts(page)).length;
  await dragSelect(page, passage, passage);
  await page.keyboard.press(key);
  await expect.poll(async () => (await highlightedTexts(page)).length).toBe(before + 1);
}

/** Drags a handle to the viewport point `to`. */
async function dragHandle(page: Page, end: 'Start' | 'End', to: { x: number; y: number }) {
  const box = (await handle(page, end).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move((box.x + to.x) / 2, to.y, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

test('overlapping codings show side by side, named; hover emphasises, click opens the segment; the switch hides them and is remembered', async ({ page }) => {
  await openApp(page);
  await expect(stripesSwitch(page)).toBeChecked();
  await code(page, FIRST, '1');
  await code(page, SECOND, '2');

  const ftf = stripe(page, 'FTF', FIRST);
  const stabilization = stripe(page, 'Stabilization', SECOND);
  await expect(stripes(page).getByRole('button')).toHaveCount(2);
  await expect(ftf).toBeVisible();
  await expect(stabilization).toBeVisible();
  // Side by side: they share the line, in lanes of their own.
  const a = (await ftf.boundingBox())!;
  const b = (await stabilization.boundingBox())!;
  expect(Math.abs(a.x - b.x)).toBeGreaterThanOrEqual(Math.min(a.width, b.width));
  expect(a.y < b.y + b.height && b.y < a.y + a.height).toBe(true);
  // Beside the text, not over it.
  const text = (await page.getByRole('textbox', { name: 'Document text' }).boundingBox())!;
  expect(Math.min(a.x, b.x)).toBeGreaterThanOrEqual(text.x + text.width);

  await stabilization.hover();
  await expect.poll(() => emphasised(page)).toBe(SECOND);
  await ftf.hover();
  await expect.poll(() => emphasised(page)).toBe(FIRST);
  await page.mouse.move(5, 5);
  await expect.poll(() => emphasised(page)).toBeNull();

  await ftf.click();
  await expect(segmentPanel(page).getByRole('article')).toHaveCount(1);
  await expect(segmentPanel(page).getByRole('article')).toContainText(FIRST);

  // Keyboard: one tab stop, arrows move between stripes, Enter opens.
  await ftf.focus();
  await page.keyboard.press('ArrowDown');
  await expect(stabilization).toBeFocused();
  await expect.poll(() => emphasised(page)).toBe(SECOND);
  await page.keyboard.press('Enter');
  await expect(segmentPanel(page).getByRole('article')).toContainText(SECOND);

  await stripesSwitch(page).uncheck();
  await expect(stripes(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Small Group');
  await expect(stripesSwitch(page)).not.toBeChecked();
  await expect(stripes(page)).toHaveCount(0);
  await stripesSwitch(page).check();
  await expect(stripes(page).getByRole('button')).toHaveCount(2);
});

test('stripes follow the coder filter', async ({ page }) => {
  await openApp(page);
  for (const [coder, passage, key] of [
    ['alice', FIRST, '1'],
    ['bob', SECOND, '2'],
  ] as const) {
    const field = page.getByRole('textbox', { name: 'Coder' });
    await field.fill(coder);
    await field.blur();
    await code(page, passage, key);
  }
  await expect(stripes(page).getByRole('button')).toHaveCount(2);
  await page.getByRole('button', { name: /^Codings shown:/ }).click();
  const filter = page.getByRole('group', { name: 'Coder filter' });
  await filter.getByRole('radio', { name: 'Only mine (bob)' }).check();
  await expect(stripes(page).getByRole('button')).toHaveCount(1);
  await expect(stripe(page, 'Stabilization', SECOND)).toBeVisible();
  await filter.getByRole('radio', { name: 'All coders' }).check();
  await expect(stripes(page).getByRole('button')).toHaveCount(2);
  // Two coders shown: each stripe says who coded it (initials on the bar, names in its accessible name).
  const alices = stripes(page).getByRole('button', { name: `FTF (alice): “${FIRST}”` });
  await expect(alices).toBeVisible();
  await expect(alices).toContainText('FTF ·');
});

test("a segment's ends move by keyboard and by dragging a handle; the quote follows and one Undo restores it", async ({ page }) => {
  await openApp(page);
  await code(page, FIRST, '1');
  await stripe(page, 'FTF', FIRST).click();
  const card = segmentPanel(page).getByRole('article');
  await expect(card.locator('blockquote')).toHaveText(FIRST);
  const undo = page.getByRole('button', { name: 'Undo' });

  // The end, a word on (Ctrl+Right), then a character back.
  await handle(page, 'End').focus();
  await page.keyboard.press('Control+ArrowRight');
  await expect(card.locator('blockquote')).toHaveText(`${FIRST} to`);
  await expect.poll(() => highlightedTexts(page)).toEqual([`${FIRST} to`]);
  await page.keyboard.press('ArrowLeft');
  await expect(card.locator('blockquote')).toHaveText(`${FIRST} t`);
  await undo.click();
  await expect(card.locator('blockquote')).toHaveText(`${FIRST} to`);
  await undo.click();
  await expect(card.locator('blockquote')).toHaveText(FIRST);
  await expect(handle(page, 'End')).toHaveAttribute('aria-valuetext', /Coalition”$/);

  // The start, a word back.
  await handle(page, 'Start').focus();
  await page.keyboard.press('Control+ArrowLeft');
  await expect(card.locator('blockquote')).toHaveText(`The ${FIRST}`);
  await undo.click();
  await expect(card.locator('blockquote')).toHaveText(FIRST);

  // Drag the end to the end of "counter", then the start to the start of "The".
  const counter = await pointOf(page, 'to counter Islamic', 'to counter'.length - 1, 'right');
  await dragHandle(page, 'End', counter);
  await expect(card.locator('blockquote')).toHaveText(`${FIRST} to counter`);
  await expect.poll(() => highlightedTexts(page)).toEqual([`${FIRST} to counter`]);
  const the = await pointOf(page, `The ${FIRST}`, 0, 'left');
  await dragHandle(page, 'Start', the);
  await expect(card.locator('blockquote')).toHaveText(`The ${FIRST} to counter`);
  await undo.click();
  await expect(card.locator('blockquote')).toHaveText(`${FIRST} to counter`);
  await undo.click();
  await expect(card.locator('blockquote')).toHaveText(FIRST);
  await expect.poll(() => highlightedTexts(page)).toEqual([FIRST]);
  // The stripe follows the segment.
  await expect(stripe(page, 'FTF', FIRST)).toBeVisible();
});

test('no serious accessibility violations with stripes and segment handles shown, light and dark', async ({ page }) => {
  await openApp(page);
  await code(page, FIRST, '1');
  await code(page, SECOND, '2');
  await stripe(page, 'FTF', FIRST).click();
  await expect(handle(page, 'End')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${scheme} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
