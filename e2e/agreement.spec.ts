/**
 * Two coders on one document: alice codes three passages FTF; bob (after changing the coder)
 * codes two of them and one other. The Agreement view shows percentage agreement and Cohen's
 * kappa for FTF in that document as computed here by hand from the document's length, lists
 * the two stretches they differ on, and "Accept alice" resolves one into the consensus coder.
 * The coder filter then hides bob's highlights. The view takes the window; after "Show in text" a
 * bar steps through the disagreements in the text and leads back to the view at the stretch
 * shown. Axe: no serious violations in the view, light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { sha256Hex } from '../common/text/sha256';
import { expectCount, highlightedTexts, openApp, segmentPanel } from './support/coding';
import { importFile } from './support/exchange';
import { BUNDLED_CORPUS } from './support/host';
import { becomeCoder, codeAsAliceAndBob, codeFtf, expectedFigures, P1, P2, P3, P4 } from './support/coders';
import { manifest, normalisedFile } from './support/text';

const agreementDialog = (page: Page) => page.getByRole('dialog', { name: 'Agreement' });

test('agreement of two coders: figures by hand, the disagreements, accept A, and the coder filter', async ({ page }) => {
  const expected = expectedFigures();
  await openApp(page);
  await codeAsAliceAndBob(page);
  expect(await highlightedTexts(page)).toEqual([P1, P2, P3, P4].sort());

  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.getByRole('button', { name: 'Agreement' }).click();
  const dialog = agreementDialog(page);
  await expect(dialog.getByRole('checkbox', { name: 'alice' })).toBeChecked();
  await expect(dialog.getByRole('checkbox', { name: 'bob' })).toBeChecked();
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();

  const byCode = dialog.getByRole('table', { name: /Agreement by code/ });
  await expect(byCode).toBeVisible();
  // The view uses the window: its 12-column table fits without scrolling sideways.
  const viewport = page.viewportSize()!;
  expect((await dialog.boundingBox())!.width).toBeGreaterThan(viewport.width - 60);
  expect(await byCode.evaluate((table) => table.parentElement!.scrollWidth <= table.parentElement!.clientWidth)).toBe(true);
  expect(workers.some((url) => url.includes('agreementWorker'))).toBe(true); // computed off the main thread
  const ftf = byCode.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'FTF', exact: true }) });
  await expect(ftf.getByRole('cell').nth(4)).toHaveText(expected.percent);
  await expect(ftf.getByRole('cell').nth(5)).toHaveText(expected.kappa);
  const byDocument = dialog.getByRole('table', { name: 'Agreement by document for FTF' });
  const docRow = byDocument.getByRole('row').filter({ has: page.getByRole('rowheader', { name: expected.title }) });
  await expect(docRow.getByRole('cell').nth(4)).toHaveText(expected.percent);
  await expect(docRow.getByRole('cell').nth(5)).toHaveText(expected.kappa);

  const stretches = dialog.getByRole('list', { name: 'Stretches where the coders differ' }).getByRole('listitem');
  await expect(stretches).toHaveCount(2);
  await expect(stretches.nth(0).getByRole('blockquote')).toHaveText(P3);
  await expect(stretches.nth(1).getByRole('blockquote')).toHaveText(P4);
  await expect(dialog.getByText('2 stretches where alice and bob differ; 2 open.')).toBeVisible();

  const axe = await new AxeBuilder({ page }).include('dialog.agreement-dialog').analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await stretches.nth(0).getByRole('button', { name: 'Accept alice' }).click();
  await expect(stretches.nth(0)).toContainText('Resolved: alice’s coding');
  await expect(stretches.nth(1)).toContainText('Open');
  await expect(dialog.getByText('2 stretches where alice and bob differ; 1 open.')).toBeVisible();
  // Show in text: the view gives way to the document, the stretch's segment opens.
  await stretches.nth(1).getByRole('button', { name: 'Show in text' }).click();
  await expect(dialog).toBeHidden();
  await expect(segmentPanel(page)).toContainText(P4);
  // A bar over the text steps through the disagreements and leads back to the view.
  const walk = page.getByRole('region', { name: 'Disagreement shown in the text' });
  await expect(walk).toContainText('Disagreement 2 of 2: FTF');
  await expect(walk.getByRole('button', { name: 'Next' })).toBeDisabled();
  await walk.getByRole('button', { name: 'Previous' }).click();
  await expect(walk).toContainText('Disagreement 1 of 2');
  await expect(segmentPanel(page)).toContainText(P3);
  await walk.getByRole('button', { name: 'Next' }).click();
  await expect(segmentPanel(page)).toContainText(P4);
  // Back in the view, it is at that stretch, marked, with the keyboard on its Show in text.
  await walk.getByRole('button', { name: 'Back to agreement' }).click();
  await expect(walk).toBeHidden();
  await expect(stretches.nth(1)).toContainText('last shown in text');
  await expect(stretches.nth(1)).toHaveAttribute('aria-current', 'true');
  await expect(stretches.nth(1).getByRole('button', { name: 'Show in text' })).toBeFocused();
  await expect(stretches.nth(0)).not.toContainText('last shown in text');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include('dialog.agreement-dialog').analyze();
    const problems = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(problems.map((v) => `${scheme} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // The coder filter: only alice's codings are painted; bob's own passage disappears.
  await page.getByRole('button', { name: /^Codings shown/ }).click();
  const filter = page.getByRole('group', { name: 'Coder filter' });
  await filter.getByRole('radio', { name: 'Chosen coders:' }).check();
  await filter.getByRole('checkbox', { name: 'bob' }).uncheck();
  await filter.getByRole('checkbox', { name: 'consensus' }).uncheck();
  await expect.poll(() => highlightedTexts(page)).toEqual([P1, P2, P3].sort());
  await filter.getByRole('radio', { name: 'All coders' }).check();
  await expect.poll(() => highlightedTexts(page)).toEqual([P1, P2, P3, P4].sort());
});

test("merging a colleague's backup: a code whose path differs is mapped by the analyst, bob's codings stay bob's, one Undo", async ({ page }) => {
  const doc = manifest(BUNDLED_CORPUS).documents[0]!;
  const text = normalisedFile(BUNDLED_CORPUS, doc.file);
  const start = text.indexOf(P1);
  const now = '2026-01-01T00:00:00.000Z';
  // Bob's project: his codebook spells it "Stabilisation"; ours has "Stabilization".
  const backup = {
    format: 'marginalia-project',
    version: 2,
    exportedAt: now,
    documents: [{ id: doc.id, title: doc.title, sha256: sha256Hex(text) }],
    codes: [{ id: 'bob-stab', name: 'Stabilisation', colour: '#4e79a7', description: '', parentId: null, shortcut: null, createdAt: now, updatedAt: now }],
    segments: [
      {
        id: 'bob-1',
        documentId: doc.id,
        documentHash: sha256Hex(text),
        start,
        end: start + P1.length,
        quote: P1,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + P1.length, start + P1.length + 32),
        codings: [{ id: 'bob-c1', codeId: 'bob-stab', coder: 'bob', createdAt: now }],
        memo: '',
        createdAt: now,
        updatedAt: now,
      },
    ],
    memos: [],
    settings: { coder: 'bob' },
  };
  await openApp(page);
  await becomeCoder(page, 'alice');
  const dialog = await importFile(page, 'Project backup (JSON)', { name: 'bob.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(backup)) });
  await dialog.getByRole('button', { name: 'Merge' }).click();

  const step = dialog.getByRole('region', { name: 'Map bob.json’s codes' });
  const choice = step.getByRole('combobox', { name: 'Map “Stabilisation” onto' });
  await expect(choice).toHaveValue(await choice.locator('option', { hasText: 'Map onto Stabilization' }).getAttribute('value') ?? '');
  await step.getByRole('button', { name: 'Import (1 mapped, 0 new)' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported bob.json: Added 1 segment.');
  await expect(dialog.getByText('Mapped 1 code onto existing codes: "Stabilisation" → "Stabilization".')).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await expectCount(page, 'Stabilization', 1);
  await page.getByRole('button', { name: /^Codings shown/ }).click();
  await page.getByRole('group', { name: 'Coder filter' }).getByRole('radio', { name: 'Only mine (alice)' }).check();
  await expectCount(page, 'Stabilization', 0); // the coding is bob's
  await page.getByRole('group', { name: 'Coder filter' }).getByRole('radio', { name: 'All coders' }).check();
  await page.keyboard.press('Escape');
  await page.keyboard.press('ControlOrMeta+z');
  await expectCount(page, 'Stabilization', 0);
  await expect(page.getByRole('treeitem', { name: 'Stabilisation' })).toHaveCount(0);
});

test('blind coding hides the other coders until the analyst compares; the Coders list switches who codes', async ({ page }) => {
  await openApp(page);
  await becomeCoder(page, 'alice');
  await codeFtf(page, P1);
  await becomeCoder(page, 'bob');
  await codeFtf(page, P4);

  await page.getByRole('button', { name: /^Codings shown/ }).click();
  const filter = page.getByRole('group', { name: 'Coder filter' });
  // Saved to the project's settings, then shown checked.
  await filter.getByRole('checkbox', { name: 'Blind coding' }).click();
  await expect(filter.getByRole('checkbox', { name: 'Blind coding' })).toBeChecked();
  await expect(page.getByRole('button', { name: 'Codings shown: mine (blind coding)' })).toBeVisible();
  await expect.poll(() => highlightedTexts(page)).toEqual([P4]);
  await expectCount(page, 'FTF', 1);
  await expect(filter.getByRole('radio', { name: 'All coders' })).toBeDisabled();

  await filter.getByRole('button', { name: 'Edit coders…' }).click();
  const coders = page.getByRole('dialog', { name: 'Coders' });
  await expect(coders.getByRole('rowheader')).toHaveText([/alice/, /bob/]);
  await coders.getByRole('button', { name: 'Code as alice' }).click();
  await expect(page.getByRole('textbox', { name: 'Coder', exact: true })).toHaveValue('alice');
  await coders.getByRole('button', { name: 'Close', exact: true }).click();
  await expect.poll(() => highlightedTexts(page)).toEqual([P1]); // blind: now alice sees only hers

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Agreement' }).click();
  const dialog = agreementDialog(page);
  await expect(dialog.getByText(/Blind coding is on/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Turn off blind coding and compare' }).click();
  await expect(dialog.getByRole('table', { name: /Agreement by code/ })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close Agreement' }).click();
  await expect.poll(() => highlightedTexts(page)).toEqual([P1, P4].sort());
});
