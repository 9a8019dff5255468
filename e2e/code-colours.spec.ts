/**
 * A code colour the analyst picks is drawn so it reads on the theme showing: a near-black code
 * keeps a visible highlight, stripe and swatch on the dark background, a near-white one on the
 * light background (the rule itself is unit-tested in domain/palette.test.ts).
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { contrastRatio, hexToRgb, type Rgb } from '../renderer/domain/palette';
import { codeOption, codeRow, codebook, openApp } from './support/coding';
import { FIRST } from './support/exchange';
import { dragSelect } from './support/text';

const BACKGROUND: Record<'light' | 'dark', Rgb> = { light: hexToRgb('#ffffff'), dark: hexToRgb('#1e1e1e') };

/** A computed CSS colour (rgb(…)) as channels. */
async function drawn(element: Locator, property: 'backgroundColor'): Promise<Rgb> {
  const css = await element.evaluate((el, p) => getComputedStyle(el)[p], property);
  const [r, g, b] = css.match(/[\d.]+/g)!.map(Number);
  return [r!, g!, b!];
}

async function recolour(page: Page, code: string, colour: string) {
  await codeRow(page, code).click();
  await codebook(page).getByRole('form', { name: `Edit code ${code}` }).getByLabel('Colour').fill(colour);
}

for (const [scheme, colour] of [
  ['dark', '#1f1f1f'],
  ['light', '#fafafa'],
] as const) {
  test(`a code coloured ${colour} stays visible in the ${scheme} theme: swatch, stripe and highlight`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await openApp(page);
    await dragSelect(page, FIRST, FIRST);
    await codeOption(page, 'FTF').click();
    await recolour(page, 'FTF', colour);

    const swatch = codeRow(page, 'FTF').locator('.swatch');
    await expect.poll(async () => contrastRatio(await drawn(swatch, 'backgroundColor'), BACKGROUND[scheme])).toBeGreaterThanOrEqual(3);
    const stripe = page.getByRole('toolbar', { name: 'Coding stripes' }).getByRole('button', { name: new RegExp(`^FTF: “${FIRST}`) });
    await expect.poll(async () => contrastRatio(await drawn(stripe, 'backgroundColor'), BACKGROUND[scheme])).toBeGreaterThanOrEqual(3);

    // The highlight's rule draws the adjusted colour, not the colour as picked.
    const rule = await page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).find((text) => /::highlight\(mg\d+-c\d+\)/.test(text)),
    );
    expect(rule).toContain('light-dark(');
    // Switching the theme needs no repaint: the same rule holds the colour for both.
    await page.emulateMedia({ colorScheme: scheme === 'dark' ? 'light' : 'dark' });
    const other = scheme === 'dark' ? 'light' : 'dark';
    await expect.poll(async () => contrastRatio(await drawn(stripe, 'backgroundColor'), BACKGROUND[other])).toBeGreaterThanOrEqual(3);
  });
}
