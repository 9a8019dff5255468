/**
 * The codebook as a tree, with a real codebook of 65 codes imported from a .qdc: keyboard
 * navigation, collapse and expand, moving codes by drag, by the Parent select and by keyboard
 * (each surviving a reload and undoable), roll-up counts, and the layout of a 1024×700 window.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { exportQdc } from '../renderer/formats/refiQda/codebook';
import type { Code } from '../renderer/domain/model';
import { codeRow, codebook, expectCount, expectRollUp, openApp, segmentPanel } from './support/coding';
import { codeNames, exportAs, FIRST, importFile, SECOND } from './support/exchange';
import { dragSelect, pointOf } from './support/text';

const THEMES = ['Threat framing', 'Governance', 'Humanitarian', 'Security', 'Economy'];
const pad = (n: number) => String(n).padStart(2, '0');

/** 5 themes × 11 sub-codes, and one sub-sub-code under each theme's first: 65 codes. */
function sixtyFiveCodes(): Code[] {
  const now = '2025-01-01T00:00:00.000Z';
  const codes: Code[] = [];
  const add = (id: string, name: string, parentId: string | null) =>
    codes.push({ id, name, colour: '#1f77b4', description: '', parentId, shortcut: null, createdAt: now, updatedAt: now });
  THEMES.forEach((theme, t) => {
    add(`t${t}`, theme, null);
    for (let i = 1; i <= 11; i++) add(`t${t}-${i}`, `${theme} ${pad(i)}`, `t${t}`);
    add(`t${t}-1-x`, `${theme} detail`, `t${t}-1`);
  });
  return codes;
}

async function importCodebook(page: Page) {
  await openApp(page);
  const qdc = { name: 'study.qdc', mimeType: 'application/xml', buffer: Buffer.from(exportQdc(sixtyFiveCodes())) };
  const dialog = await importFile(page, 'REFI-QDA codebook (.qdc)', qdc);
  await expect(dialog.getByRole('status')).toContainText('Imported study.qdc: Added 65 codes.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
}

const tree = (page: Page) => codebook(page).getByRole('tree', { name: 'Codes' });
const editor = (page: Page, name: string) => codebook(page).getByRole('form', { name: `Edit code ${name}` });

/** The names of `parent`'s sub-codes as the tree shows them. */
async function childrenOf(page: Page, parent: string): Promise<string[]> {
  const names = await codeNames(page);
  const levels = await tree(page).getByRole('treeitem').evaluateAll((els) => els.map((e) => Number(e.getAttribute('aria-level'))));
  const at = names.indexOf(parent);
  const out: string[] = [];
  for (let i = at + 1; i < names.length && levels[i]! > levels[at]!; i++) if (levels[i] === levels[at]! + 1) out.push(names[i]!);
  return out;
}

/** Drops `source` on the middle of `target` (make it a sub-code) or on its top edge (put it before). */
async function drag(source: Locator, target: Locator, zone: 'inside' | 'before') {
  const box = (await target.boundingBox())!;
  await source.dragTo(target, { targetPosition: { x: box.width / 2, y: zone === 'inside' ? box.height / 2 : 2 } });
}

async function reload(page: Page) {
  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Small Group');
  await expect(codeRow(page, 'Threat framing')).toBeVisible();
}

test('the imported codebook is a tree the keyboard walks, opens and closes, and the closed branches are remembered', async ({ page }) => {
  await importCodebook(page);
  const theme = codeRow(page, 'Threat framing');
  await expect(theme).toHaveAttribute('aria-level', '1');
  await expect(theme).toHaveAttribute('aria-expanded', 'true');
  await expect(codeRow(page, 'Threat framing 01')).toHaveAttribute('aria-level', '2');
  await expect(codeRow(page, 'Threat framing detail')).toHaveAttribute('aria-level', '3');
  await expect(tree(page).getByRole('treeitem')).toHaveCount(70); // 65 and the 5 default codes

  // One row is in the tab order; the arrows walk the rows.
  await codebook(page).getByRole('searchbox', { name: 'Filter codes' }).focus();
  await page.keyboard.press('Tab');
  const first = tree(page).getByRole('treeitem').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('End');
  await expect(tree(page).getByRole('treeitem').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(first).toBeFocused();

  // Left closes a branch (Down then skips it), Right opens it again and then steps into it.
  const governance = codeRow(page, 'Governance');
  await governance.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(governance).toHaveAttribute('aria-expanded', 'false');
  await expect(codeRow(page, 'Governance 01')).toHaveCount(0);
  await page.keyboard.press('ArrowDown');
  await expect(codeRow(page, 'Humanitarian')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight');
  await expect(governance).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(codeRow(page, 'Governance 01')).toBeFocused();
  // Left closes an open child; on a closed one it goes to the parent. Enter selects (the editor opens).
  await page.keyboard.press('ArrowLeft');
  await expect(codeRow(page, 'Governance 01')).toHaveAttribute('aria-expanded', 'false');
  await expect(codeRow(page, 'Governance detail')).toHaveCount(0);
  await page.keyboard.press('ArrowLeft');
  await expect(governance).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(governance).toHaveAttribute('aria-selected', 'true');
  await expect(editor(page, 'Governance')).toBeVisible();

  // Close Threat framing and reload: it stays closed.
  await theme.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(codeRow(page, 'Threat framing 01')).toHaveCount(0);
  await reload(page);
  await expect(theme).toHaveAttribute('aria-expanded', 'false');
  await expect(codeRow(page, 'Threat framing 01')).toHaveCount(0);
  await expect(codeRow(page, 'Governance 01')).toBeVisible();
});

/** Closes the branches of `themes` with the keyboard. */
async function close(page: Page, themes: readonly string[]) {
  for (const theme of themes) {
    await codeRow(page, theme).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(codeRow(page, theme)).toHaveAttribute('aria-expanded', 'false');
  }
}

test('a code moved by drag and another by the Parent select stay moved after a reload; Undo takes a move back', async ({ page }) => {
  // Tall enough, with the other branches closed, that both ends of a drag show without scrolling.
  await page.setViewportSize({ width: 1280, height: 1100 });
  await importCodebook(page);
  await close(page, ['Threat framing', 'Governance', 'Humanitarian']);

  // Drag onto a code: it becomes that code's last sub-code.
  await drag(codeRow(page, 'Economy 03'), codeRow(page, 'Security'), 'inside');
  await expect(codeRow(page, 'Economy 03')).toHaveAttribute('aria-level', '2');
  expect((await childrenOf(page, 'Security')).at(-1)).toBe('Economy 03');
  expect(await childrenOf(page, 'Economy')).not.toContain('Economy 03');

  // Drag onto the top edge of a code: it goes just before it, among its siblings.
  await close(page, ['Economy', 'Security']);
  await codeRow(page, 'Governance').focus();
  await page.keyboard.press('ArrowRight');
  await drag(codeRow(page, 'Governance 09'), codeRow(page, 'Governance 02'), 'before');
  await expect.poll(async () => (await childrenOf(page, 'Governance')).slice(0, 3)).toEqual(['Governance 01', 'Governance 09', 'Governance 02']);

  // The Parent select of the code editor.
  await codeRow(page, 'Governance').focus();
  await page.keyboard.press('*'); // opens every closed top-level branch
  await codeRow(page, 'Humanitarian 05').click();
  await editor(page, 'Humanitarian 05').getByRole('combobox', { name: 'Parent' }).selectOption({ label: 'Threat framing' });
  await expect(editor(page, 'Humanitarian 05').getByRole('heading')).toHaveText('Threat framing > Humanitarian 05');
  expect((await childrenOf(page, 'Threat framing')).at(-1)).toBe('Humanitarian 05');

  await reload(page);
  expect((await childrenOf(page, 'Security')).at(-1)).toBe('Economy 03');
  expect((await childrenOf(page, 'Governance')).slice(0, 3)).toEqual(['Governance 01', 'Governance 09', 'Governance 02']);
  expect((await childrenOf(page, 'Threat framing')).at(-1)).toBe('Humanitarian 05');
  await codeRow(page, 'Humanitarian 05').click();
  await expect(editor(page, 'Humanitarian 05').getByRole('heading')).toHaveText('Threat framing > Humanitarian 05');

  // A drag is one undoable change.
  await close(page, ['Threat framing', 'Governance', 'Humanitarian']);
  await drag(codeRow(page, 'Economy 04'), codeRow(page, 'Security'), 'inside');
  await expect.poll(async () => (await childrenOf(page, 'Security')).at(-1)).toBe('Economy 04');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => childrenOf(page, 'Economy')).toContain('Economy 04');
  await expect(codeRow(page, 'Economy 04')).toHaveAttribute('aria-level', '2');
  expect((await childrenOf(page, 'Security')).at(-1)).toBe('Economy 03');
});

test('the keyboard reorders, indents and outdents a code; the order survives a reload and exports', async ({ page }) => {
  await importCodebook(page);
  const moving = codeRow(page, 'Governance 04');
  await moving.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => childrenOf(page, 'Governance')).toEqual([
    'Governance 01', 'Governance 02', 'Governance 04', 'Governance 03', ...[5, 6, 7, 8, 9, 10, 11].map((n) => `Governance ${pad(n)}`),
  ]);
  await expect(moving).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(async () => (await childrenOf(page, 'Governance'))[1]).toBe('Governance 04');
  // Alt+Right: under the sibling above (Governance 01), after its own sub-code.
  await page.keyboard.press('Alt+ArrowRight');
  await expect(moving).toHaveAttribute('aria-level', '3');
  await expect.poll(() => childrenOf(page, 'Governance 01')).toEqual(['Governance detail', 'Governance 04']);
  await expect(moving).toBeFocused();
  // Alt+Left: back out, right after its former parent.
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(moving).toHaveAttribute('aria-level', '2');
  await expect.poll(async () => (await childrenOf(page, 'Governance')).slice(0, 3)).toEqual(['Governance 01', 'Governance 04', 'Governance 02']);
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(async () => (await childrenOf(page, 'Governance')).slice(0, 3)).toEqual(['Governance 01', 'Governance 02', 'Governance 04']);

  await reload(page);
  expect((await childrenOf(page, 'Governance')).slice(0, 4)).toEqual(['Governance 01', 'Governance 02', 'Governance 04', 'Governance 03']);
  // A .qdc lists the codes in the tree's order.
  const qdc = await exportAs(page, 'REFI-QDA codebook (.qdc)');
  const order = [...qdc.text.matchAll(/name="(Governance \d\d)"/g)].map((m) => m[1]);
  expect(order.slice(0, 4)).toEqual(['Governance 01', 'Governance 02', 'Governance 04', 'Governance 03']);
});

test('counts show a code own codings and, for a parent, those with its sub-codes', async ({ page }) => {
  await importCodebook(page);
  // Shortcut digits for a sub-code and its parent, set in the code editor.
  for (const [name, digit] of [['Threat framing 02', '7'], ['Threat framing', '8']] as const) {
    await codeRow(page, name).click();
    await editor(page, name).getByRole('combobox', { name: 'Shortcut' }).selectOption(digit);
    await expect(codeRow(page, name)).toHaveAccessibleDescription(new RegExp(`shortcut ${digit}$`));
  }
  await expectRollUp(page, 'Threat framing', 0, 0);

  await dragSelect(page, FIRST, FIRST);
  await page.keyboard.press('7');
  await expectCount(page, 'Threat framing 02', 1);
  await expectRollUp(page, 'Threat framing', 0, 1);
  await dragSelect(page, SECOND, SECOND);
  await page.keyboard.press('8');
  await expectRollUp(page, 'Threat framing', 1, 2);
  await expect(codeRow(page, 'Threat framing')).toContainText('1 · 2');
  await expect(codeRow(page, 'Threat framing 02')).toContainText('1');

  // A sub-code moved out (Alt+Left) takes its codings out of its old parent's roll-up.
  await codeRow(page, 'Threat framing 02').focus();
  await page.keyboard.press('Alt+ArrowLeft');
  await expectRollUp(page, 'Threat framing', 1, 1);
  await expect(codeRow(page, 'Threat framing 02')).toHaveAttribute('aria-level', '1');
});

test('Add sibling and Add sub-code put new codes where asked, never nesting the next one', async ({ page }) => {
  await openApp(page);
  const name = codebook(page).getByRole('textbox', { name: 'New code name' });
  await codeRow(page, 'FTF').click();
  await name.fill('Returnees');
  await codebook(page).getByRole('button', { name: 'Add sub-code' }).click();
  await expect(codeRow(page, 'Returnees')).toHaveAttribute('aria-level', '2');
  await expect(codeRow(page, 'Returnees')).toHaveAttribute('aria-selected', 'true');
  // Enter adds beside the selected code: two more sub-codes of FTF, not a chain.
  for (const next of ['Border measures', 'Prosecution']) {
    await name.fill(next);
    await name.press('Enter');
    await expect(codeRow(page, next)).toHaveAttribute('aria-level', '2');
  }
  expect(await childrenOf(page, 'FTF')).toEqual(['Returnees', 'Border measures', 'Prosecution']);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(codeRow(page, 'Prosecution')).toHaveCount(0);
  await expect(codeRow(page, 'Border measures')).toBeVisible();
});

test('at 1024×700 the text keeps 560 px; panels resize and collapse, are remembered, and a retrieved passage opens its Segment panel in view', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 700 });
  await importCodebook(page);
  const reader = page.getByRole('main');
  expect((await reader.boundingBox())!.width).toBeGreaterThanOrEqual(560);

  // The splitter of the documents panel: arrows resize it, End widens it as far as the text allows.
  const splitter = page.getByRole('separator', { name: 'Resize documents panel' });
  const before = Number(await splitter.getAttribute('aria-valuenow'));
  await splitter.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(splitter).toHaveAttribute('aria-valuenow', String(before - 16));
  const documents = page.getByRole('navigation', { name: 'Documents' });
  expect(Math.round((await documents.boundingBox())!.width)).toBeLessThanOrEqual(before - 16);
  await page.keyboard.press('End');
  expect((await reader.boundingBox())!.width).toBeGreaterThanOrEqual(560);
  await page.keyboard.press('ArrowLeft');
  const chosen = await splitter.getAttribute('aria-valuenow');

  // Hide the documents: the text gets their room. Both are remembered.
  const toggle = page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Documents' });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(documents).toBeHidden();
  expect((await reader.boundingBox())!.width).toBeGreaterThan(700);
  await reload(page);
  await expect(documents).toBeHidden();
  await toggle.click();
  await expect(documents).toBeVisible();
  await expect(splitter).toHaveAttribute('aria-valuenow', chosen!);

  // Code a passage, choose the code and open the passage from its list: the Segment panel shows.
  await codeRow(page, 'Economy 11').click();
  await editor(page, 'Economy 11').getByRole('combobox', { name: 'Shortcut' }).selectOption('9');
  await dragSelect(page, FIRST, FIRST);
  await page.keyboard.press('9');
  await expectCount(page, 'Economy 11', 1);
  const passages = codebook(page).getByRole('region', { name: 'Passages coded Economy 11' });
  await passages.getByRole('button', { name: new RegExp(FIRST) }).click();
  await expect(segmentPanel(page)).toContainText(FIRST);
  await expect(segmentPanel(page)).toBeInViewport({ ratio: 0.9 });
  expect((await reader.boundingBox())!.width).toBeGreaterThanOrEqual(560);

  // With the coding column hidden, opening a segment from the text shows it again.
  const coding = page.getByRole('group', { name: 'Panels' }).getByRole('button', { name: 'Codebook' });
  await coding.click();
  await expect(codebook(page)).toBeHidden();
  const inside = await pointOf(page, FIRST, 4, 'left');
  await page.mouse.click(inside.x, inside.y);
  await expect(coding).toHaveAttribute('aria-expanded', 'true');
  await expect(segmentPanel(page)).toBeInViewport({ ratio: 0.9 });
});

test('no serious accessibility violations with the tree, a closed branch and the code editor shown, light and dark', async ({ page }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  await importCodebook(page);
  await codeRow(page, 'Governance').focus();
  await page.keyboard.press('ArrowLeft');
  await codeRow(page, 'Security 03').click();
  await expect(editor(page, 'Security 03')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${scheme} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
