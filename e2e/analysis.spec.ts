/**
 * Analysis on the bundled corpus: code a handful of passages, read the code × document matrix,
 * open a cell's passages, build an AND query, save the matrix as CSV (checked with Python's csv
 * module), save the report as .docx (unzipped by Python: it holds the quotes) and as HTML (it
 * holds the chart's SVG), and scan every analysis view with axe. Frequencies show the share of
 * text coded the first time Analysis opens; a project file names the report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { codeOption, codingPopup, openApp, segmentPanel } from './support/coding';
import { FIRST, SECOND } from './support/exchange';
import { BUNDLED_CORPUS, startHost } from './support/host';
import { dragSelect, manifest, normalisedFile } from './support/text';

const BRUSSELS = 'Coalition Reaffirms To Fight Islamic State, Support Syria Opposition And Iraq Government';
const ROADMAP = 'Joint Statement by the Political Directors of the Global Coalition to Defeat ISIS: Paris Roadmap';
const PARIS_REPORT = 'Iraq-Syria, the Global Coalition confirms the anti-ISIS commitment and support';
const THIRD = 'Didier Reynders';
const ROADMAP_PASSAGE = 'reaffirm our determination to continue the fight against Daesh/ISIS';

async function code(page: Page, passage: string, codeName: string) {
  await page.getByRole('textbox', { name: 'Document text' }).getByText(passage).first().scrollIntoViewIfNeeded();
  await dragSelect(page, passage, passage);
  await codeOption(page, codeName).click();
  await expect(codingPopup(page)).toBeHidden();
}

/** FTF on FIRST and "Didier Reynders", Stabilization on SECOND (overlapping FIRST), FTF in the Paris Roadmap. */
async function codeHandful(page: Page) {
  await openApp(page);
  await code(page, FIRST, 'FTF');
  await code(page, SECOND, 'Stabilization');
  await code(page, THIRD, 'FTF');
  await page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: ROADMAP }).click();
  await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Paris Roadmap');
  await code(page, ROADMAP_PASSAGE, 'FTF');
}

const analysis = (page: Page) => page.getByRole('region', { name: 'Analysis' });

async function openAnalysis(page: Page, tab: string): Promise<Locator> {
  await page.getByRole('button', { name: 'Analysis', exact: true }).click();
  const panel = analysis(page);
  await panel.getByRole('tab', { name: tab }).click();
  return panel;
}

const matrixCell = (panel: Locator, code: string, document: string) => panel.getByRole('button', { name: new RegExp(`^${code} × ${escape(document)}: `) });
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function download(page: Page, click: () => Promise<void>): Promise<{ path: string; download: Download }> {
  const waiting = page.waitForEvent('download');
  await click();
  const d = await waiting;
  return { path: await d.path(), download: d };
}

function python(script: string, ...args: string[]): string {
  const run = spawnSync('python3', ['-c', script, ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  return run.stdout;
}

test('Frequencies read the texts the first time Analysis opens: the share of text coded, without reopening', async ({ page }) => {
  await openApp(page);
  await code(page, FIRST, 'FTF');
  const panel = await openAnalysis(page, 'Frequencies');
  const totals = manifest(BUNDLED_CORPUS).documents.reduce((n, d) => n + normalisedFile(BUNDLED_CORPUS, d.file).length, 0);
  await expect(panel.getByText(/^5 documents, /)).toHaveText(new RegExp(`^5 documents, ${totals.toLocaleString('en')} characters and [\\d,]+ words of text\\.$`));
  const ftf = panel.getByRole('table', { name: 'Code frequencies' }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'FTF', exact: true }) });
  // Code, Codings, Segments, Documents, Characters, % of text, Words, % of words: the figures after the name.
  const share = Math.round((1000 * FIRST.length) / totals) / 10;
  await expect(ftf.getByRole('cell')).toHaveText(['1', '1', '1', String(FIRST.length), String(share), /^\d+$/, /^\d+(\.\d)?$/]);
});

test('the code × document matrix counts the coded passages, and a cell lists them and opens one', async ({ page }) => {
  await codeHandful(page);
  const panel = await openAnalysis(page, 'Matrices');
  await expect(panel.getByRole('table', { name: 'Segments: code × document' })).toBeVisible();
  await expect(matrixCell(panel, 'FTF', BRUSSELS)).toHaveText('2');
  await expect(matrixCell(panel, 'FTF', ROADMAP)).toHaveText('1');
  await expect(matrixCell(panel, 'Stabilization', BRUSSELS)).toHaveText('1');
  await expect(matrixCell(panel, 'Stabilization', ROADMAP)).toHaveText('0');
  // A long title shows its first whole words; the full title is the header's name and tooltip.
  const header = panel.getByRole('columnheader', { name: BRUSSELS, exact: true });
  await expect(header).toHaveText('Coalition Reaffirms To Fight Islamic…');
  await expect(header).toHaveAttribute('title', BRUSSELS);

  // Live: one more coding shows without reopening anything.
  await code(page, 'Jean-Yves le Drian', 'Stabilization');
  await expect(matrixCell(panel, 'Stabilization', ROADMAP)).toHaveText('1');

  await matrixCell(panel, 'FTF', BRUSSELS).click();
  const passages = panel.getByRole('region', { name: `Passages behind FTF × ${BRUSSELS}` });
  const results = passages.getByRole('button', { name: new RegExp(`— ${escape(BRUSSELS)}$`) });
  await expect(results).toHaveCount(2);
  await expect(results.first()).toHaveAccessibleName(`${FIRST} — ${BRUSSELS}`);
  // Keyboard: the list is one tab stop; Down moves to the next passage, Enter opens it.
  await results.first().focus();
  await page.keyboard.press('ArrowDown');
  await expect(results.nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: BRUSSELS })).toBeVisible();
  await expect(segmentPanel(page)).toContainText(FIRST);

  // The matrix keeps one tab stop too, and the arrows walk its cells.
  await matrixCell(panel, 'FTF', BRUSSELS).focus();
  await page.keyboard.press('ArrowRight');
  await expect(matrixCell(panel, 'FTF', PARIS_REPORT)).toBeFocused();
});

test('code × code counts one co-occurrence for two overlapping passages and for one passage carrying both codes', async ({ page }) => {
  await codeHandful(page); // FIRST (FTF) overlaps SECOND (Stabilization)
  await code(page, ROADMAP_PASSAGE, 'Stabilization'); // the FTF passage now carries both codes
  const panel = await openAnalysis(page, 'Matrices');
  await panel.getByRole('combobox', { name: 'Matrix' }).selectOption('cooccurrence');
  await expect(panel.getByRole('table', { name: /^Code × code co-occurrence \(overlapping; co-occurrences\)/ })).toBeVisible();
  await expect(matrixCell(panel, 'FTF', 'Stabilization')).toHaveText('2');
  await expect(matrixCell(panel, 'FTF', 'Stabilization')).toHaveAccessibleName('FTF × Stabilization: 2 co-occurrences');
  await expect(matrixCell(panel, 'Stabilization', 'FTF')).toHaveText('2');
  // Behind the cell: the three passages taking part.
  await matrixCell(panel, 'FTF', 'Stabilization').click();
  await expect(panel.getByRole('region', { name: 'Passages behind FTF × Stabilization' }).getByRole('button', { name: new RegExp(` — (${escape(BRUSSELS)}|${escape(ROADMAP)})$`) })).toHaveCount(3);
});

test('an AND query finds overlapping passages, and not those that only share a document', async ({ page }) => {
  await codeHandful(page);
  const panel = await openAnalysis(page, 'Query');
  const query = panel.getByRole('form', { name: 'Query' });
  await query.getByRole('combobox', { name: 'Find passages coded with' }).selectOption({ label: 'All of these codes, overlapping' });
  const codes = query.getByRole('group', { name: 'Codes', exact: true });
  await codes.getByRole('checkbox', { name: 'FTF', exact: true }).check();
  await codes.getByRole('checkbox', { name: 'Stabilization', exact: true }).check();
  const found = panel.getByRole('region', { name: 'Passages found' });
  await expect(found.getByRole('heading')).toHaveText('Passages found (2)');
  await expect(found.getByRole('button', { name: `${FIRST} — ${BRUSSELS}` })).toBeVisible();
  await expect(found.getByRole('button', { name: `${SECOND} — ${BRUSSELS}` })).toBeVisible();

  await query.getByRole('combobox', { name: 'Find passages coded with' }).selectOption({ label: 'All of these codes, on the same passage' });
  await expect(found.getByRole('heading')).toHaveText('Passages found (0)');

  // Any of, but not overlapping a Stabilization passage: the two FTF passages that stand alone.
  await query.getByRole('combobox', { name: 'Find passages coded with' }).selectOption({ label: 'Any of these codes' });
  await codes.getByRole('checkbox', { name: 'Stabilization', exact: true }).uncheck();
  await query.getByRole('group', { name: 'But not coded with' }).getByRole('checkbox', { name: 'Stabilization' }).check();
  await query.getByRole('checkbox', { name: 'Also leave out passages that overlap them' }).check();
  await expect(found.getByRole('heading')).toHaveText('Passages found (2)');
  await expect(found.getByRole('button', { name: `${THIRD} — ${BRUSSELS}` })).toBeVisible();
  await expect(found.getByRole('button', { name: `${ROADMAP_PASSAGE} — ${ROADMAP}` })).toBeVisible();
});

test('the matrix saves as CSV that Python reads with the same counts', async ({ page }) => {
  await codeHandful(page);
  const panel = await openAnalysis(page, 'Matrices');
  await expect(matrixCell(panel, 'FTF', BRUSSELS)).toHaveText('2');
  const { path, download: d } = await download(page, () => panel.getByRole('button', { name: 'Save matrix (CSV)' }).click());
  expect(d.suggestedFilename()).toMatch(/^marginalia-matrix-codeByDocument-\d{4}-\d{2}-\d{2}\.csv$/);
  const counts = JSON.parse(
    python(
      `import csv, json, sys
with open(sys.argv[1], encoding='utf-8-sig', newline='') as f:
    rows = list(csv.reader(f))
header = rows[0]
print(json.dumps({r[0]: dict(zip(header[1:], map(int, r[1:]))) for r in rows[1:]}))`,
      path,
    ),
  ) as Record<string, Record<string, number>>;
  expect(counts.FTF![BRUSSELS]).toBe(2);
  expect(counts.FTF![ROADMAP]).toBe(1);
  expect(counts.Stabilization![BRUSSELS]).toBe(1);
  expect(Object.keys(counts)).toEqual(['Communications', 'Counter-financing', 'FTF', 'Political-military', 'Stabilization']);
});

test('the report saves as .docx with the quotes and as HTML with the chart', async ({ page }) => {
  await codeHandful(page);
  const panel = await openAnalysis(page, 'Report');
  const options = panel.getByRole('form', { name: 'Report contents' });
  await options.getByRole('group', { name: 'Codes and their passages' }).getByRole('checkbox', { name: 'FTF' }).check();
  await options.getByRole('checkbox', { name: 'Chart: Frequencies (bars)' }).check();
  const preview = panel.getByRole('region', { name: 'Report preview' });
  await expect(preview).toContainText(ROADMAP_PASSAGE);
  await expect(preview.locator('svg')).toHaveCount(1);

  const html = await download(page, () => options.getByRole('button', { name: 'Save HTML' }).click());
  expect(html.download.suggestedFilename()).toMatch(/\.html$/);
  const text = readFileSync(html.path, 'utf8');
  expect(text).toMatch(/^<!doctype html>/);
  expect(text).toContain('<svg');
  expect(text).toContain(FIRST);
  expect(text).toContain('@media print');
  // No project file (this host keeps none): the corpus names the report.
  expect(text).toContain('<title>Global Coalition against Daesh/ISIS: statements 2015-2020: analysis report</title>');

  const docx = await download(page, () => options.getByRole('button', { name: 'Save Word (.docx)' }).click());
  expect(docx.download.suggestedFilename()).toMatch(/\.docx$/);
  const inside = JSON.parse(
    python(
      `import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps({'names': z.namelist(), 'document': z.read('word/document.xml').decode('utf-8')}))`,
      docx.path,
    ),
  ) as { names: string[]; document: string };
  expect(inside.names).toContain('word/document.xml');
  expect(inside.names.some((n) => /^word\/media\/.+\.png$/.test(n))).toBe(true);
  for (const quote of [FIRST, THIRD, ROADMAP_PASSAGE]) expect(inside.document).toContain(quote.replace(/'/g, '&apos;'));
});

test('with a project file the report is titled with the project’s name, not the corpus’s', async ({ page }) => {
  const data = await mkdtemp(join(tmpdir(), 'marginalia-e2e-report-'));
  const server = await startHost(BUNDLED_CORPUS, 0, { data });
  try {
    await page.goto(server.url);
    await expect(page.getByRole('textbox', { name: 'Document text' })).toContainText('Small Group', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Project', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Save project as…' }).click();
    const saveAs = page.getByRole('dialog', { name: 'Save project as' });
    await saveAs.getByRole('textbox', { name: 'New name' }).fill('Study B');
    await saveAs.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page).toHaveTitle('Study B — Marginalia');
    const panel = await openAnalysis(page, 'Report');
    await expect(panel.getByRole('form', { name: 'Report contents' }).getByRole('textbox', { name: 'Title' })).toHaveValue('Study B: analysis report');
    await expect(panel.getByRole('region', { name: 'Report preview' }).getByRole('heading', { level: 1 })).toHaveText('Study B: analysis report');
  } finally {
    await server.close();
    await rm(data, { recursive: true, force: true });
  }
});

test('a chart saves as SVG and PNG, under the app’s content security policy', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => /Content Security Policy/i.test(m.text()) && violations.push(m.text()));
  await codeHandful(page);
  const panel = await openAnalysis(page, 'Charts');
  const figure = panel.getByRole('figure', { name: 'Segments per code' });
  await expect(figure.getByRole('img', { name: 'Segments per code' })).toBeVisible();
  await expect(figure.getByRole('table', { name: 'Data: Segments per code' }).getByRole('row', { name: 'FTF 3' })).toBeVisible();
  const svg = await download(page, () => figure.getByRole('button', { name: 'Save Segments per code as SVG' }).click());
  const svgText = readFileSync(svg.path, 'utf8');
  expect(svgText).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svgText).toContain('FTF');
  const png = await download(page, () => figure.getByRole('button', { name: 'Save Segments per code as PNG' }).click());
  expect(readFileSync(png.path).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  await expect(figure.getByRole('status')).toHaveText(/^Downloaded /);
  expect(violations).toEqual([]);
});

test('the analysis views have no serious accessibility violations', async ({ page }) => {
  await codeHandful(page);
  const panel = await openAnalysis(page, 'Matrices');
  await expect(matrixCell(panel, 'FTF', BRUSSELS)).toHaveText('2');
  const views: Array<{ tab: string; scheme: 'light' | 'dark' }> = [
    ...['Query', 'Frequencies', 'Matrices', 'Charts', 'Memos', 'Report'].map((tab) => ({ tab, scheme: 'light' as const })),
    ...['Matrices', 'Charts'].map((tab) => ({ tab, scheme: 'dark' as const })),
  ];
  for (const { tab, scheme } of views) {
    await page.emulateMedia({ colorScheme: scheme });
    await panel.getByRole('tab', { name: tab }).click();
    if (tab === 'Charts') await expect(panel.locator('.chart-svg svg').first()).toBeVisible();
    if (tab === 'Frequencies') await expect(panel.getByRole('table', { name: 'Code frequencies' })).toBeVisible();
    const axe = await new AxeBuilder({ page }).include('.analysis-panel').analyze();
    const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${tab} (${scheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
});
