/**
 * "Never lose work" for what the analyst types: memos and a code's description are saved as
 * they type, and typing is kept when the page is reloaded or closed at once — before the pause
 * that stores it, or while its save is still on its way. Ctrl+Z in a memo takes back a burst of
 * typing, as the header's Undo does, never a character at a time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { codeRow, codebook, openApp, segmentPanel } from './support/coding';
import { holdStoreWrites } from './support/heldStore';
import { BUNDLED_CORPUS, startHost } from './support/host';
import { viewerText } from './support/text';
import { clickInside, codeFirstAndOpenIt, reloadAccepting } from './support/segments';

const FIRST = 'Small Group of the Global Coalition';
const documentMemo = (page: Page) => page.getByRole('textbox', { name: 'Document memo' });

test('a document memo typed just before a reload is there after it', async ({ page }) => {
  await openApp(page);
  await documentMemo(page).click();
  await page.keyboard.type('Typed just before leaving.');
  await page.reload();
  await expect(documentMemo(page)).toHaveValue('Typed just before leaving.');
});

test('a reload while the memos are still being stored asks first, and keeps both memos', async ({ page }) => {
  await openApp(page);
  await codeFirstAndOpenIt(page);

  // The disk is slow: nothing typed can be stored before the page goes.
  await holdStoreWrites(page);
  await segmentPanel(page).getByRole('textbox', { name: 'Memo' }).click();
  await page.keyboard.type('Names the actor.');
  await documentMemo(page).click(); // the segment memo's save starts, and waits
  await page.keyboard.type('Meeting in Brussels.');
  expect(await reloadAccepting(page)).toEqual(['beforeunload']);

  await expect(documentMemo(page)).toHaveValue('Meeting in Brussels.');
  await clickInside(page, FIRST);
  await expect(segmentPanel(page).getByRole('textbox', { name: 'Memo' })).toHaveValue('Names the actor.');
});

test('Ctrl+Z in a memo takes back the typing as one step, Ctrl+Shift+Z brings it back, then Undo goes on to the project', async ({ page }) => {
  await openApp(page);
  const memo = documentMemo(page);
  await memo.click();
  await page.keyboard.type('First thoughts.');
  await memo.blur(); // stored: one step
  await memo.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' The respondent hesitates here.');
  await page.keyboard.press('Control+z');
  await expect(memo).toHaveValue('First thoughts.');
  await page.keyboard.press('Control+Shift+z');
  await expect(memo).toHaveValue('First thoughts. The respondent hesitates here.');
  await memo.blur();
  await expect(page.getByRole('button', { name: 'Undo' })).toHaveAttribute('title', 'Undo Edit document memo');

  // Stored typing: Ctrl+Z in the field is the project's Undo, a burst at a time.
  await memo.focus();
  await page.keyboard.press('Control+z');
  await expect(memo).toHaveValue('First thoughts.');
  await page.keyboard.press('Control+z');
  await expect(memo).toHaveValue('');
  await page.keyboard.press('Control+y');
  await expect(memo).toHaveValue('First thoughts.');
});

test("a code's description is saved as it is typed: choosing another code or reloading keeps it", async ({ page }) => {
  await openApp(page);
  await codeRow(page, 'FTF').click();
  const editor = codebook(page).getByRole('form', { name: 'Edit code FTF' });
  await editor.getByRole('textbox', { name: 'Description' }).click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Foreign terrorist fighters: people who travel to join.');
  await codeRow(page, 'Stabilization').click();
  await codeRow(page, 'FTF').click();
  await expect(editor.getByRole('textbox', { name: 'Description' })).toHaveValue('Foreign terrorist fighters: people who travel to join.');

  await editor.getByRole('textbox', { name: 'Description' }).press('Control+End');
  await page.keyboard.type(' Also returnees.');
  await page.reload();
  await codeRow(page, 'FTF').click();
  await expect(editor.getByRole('textbox', { name: 'Description' })).toHaveValue(
    'Foreign terrorist fighters: people who travel to join. Also returnees.',
  );
});

test('a code name a sibling already has is shown with the reason and stays in the field', async ({ page }) => {
  await openApp(page);
  await codeRow(page, 'FTF').click();
  const name = codebook(page).getByRole('textbox', { name: 'Name', exact: true });
  await name.fill('Stabilization');
  await name.press('Enter');
  await expect(codebook(page).getByRole('alert')).toContainText('A top-level code named “Stabilization” already exists');
  await expect(name).toHaveValue('Stabilization');
  await expect(codeRow(page, 'FTF')).toBeVisible();
  await name.fill('Foreign fighters');
  await name.blur();
  await expect(codeRow(page, 'Foreign fighters')).toBeVisible();
  await expect(codebook(page).getByRole('alert')).toHaveCount(0);

  // A name typed and not stored yet: leaving the page asks first.
  await name.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Fighters abroad');
  expect(await reloadAccepting(page)).toEqual(['beforeunload']);
});

test('with a project file: typing rescued at a reload reaches the project, where another browser reads it', async ({ page, browser }) => {
  const data = await mkdtemp(join(tmpdir(), 'marginalia-e2e-data-'));
  const host = await startHost(BUNDLED_CORPUS, 0, { data });
  try {
    await page.goto(host.url);
    await expect(viewerText(page)).toContainText('Small Group', { timeout: 30_000 });
    await holdStoreWrites(page);
    await documentMemo(page).click();
    await page.keyboard.type('Kept in the project file.');
    await page.reload();
    await expect(documentMemo(page)).toHaveValue('Kept in the project file.');

    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await otherPage.goto(host.url);
    await expect(viewerText(otherPage)).toContainText('Small Group', { timeout: 30_000 });
    await expect(documentMemo(otherPage)).toHaveValue('Kept in the project file.');
    await other.close();
  } finally {
    await host.close();
    await rm(data, { recursive: true, force: true });
  }
});
