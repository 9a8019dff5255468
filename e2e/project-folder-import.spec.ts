/**
 * Merging a colleague's project folder (Import → "Marginalia project (folder)"): bob's
 * `Bob.marginalia/` — a snapshot, a journal whose last change was cut short, an imported
 * document's text in documents/ — is picked as a folder and merged into alice's project. His
 * "Stabilisation" is mapped onto our "Stabilization" before anything is written; his codings stay
 * his (the coder filter hides them); the report says where his journal was damaged; one Undo
 * takes it all back.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { becomeCoder } from './support/coders';
import { encodeJournalLine } from '../common/projectJournal';
import { sha256Hex } from '../common/text/sha256';
import { expectCount, highlightedTexts, openApp } from './support/coding';
import { importDialog } from './support/exchange';
import { BUNDLED_CORPUS } from './support/host';
import { manifest, normalisedFile } from './support/text';

const P1 = 'Didier Reynders';
const P2 = 'continue expanding Coalition efforts';
const P3 = 'constraining its freedom of movement';
const NOW = '2026-01-01T00:00:00.000Z';
const INTERVIEW = 'Interview with bob’s informant.\nThe camps were full by spring.\n';

let root: string;
test.beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'marginalia-colleague-'));
});
test.afterEach(() => rmSync(root, { recursive: true, force: true }));

const code = (id: string, name: string) => ({ id, name, colour: '#4e79a7', description: '', parentId: null, shortcut: null, createdAt: NOW, updatedAt: NOW });

function segment(id: string, documentId: string, text: string, quote: string, codeId: string) {
  const start = text.indexOf(quote);
  return {
    id, documentId, documentHash: sha256Hex(text), start, end: start + quote.length, quote,
    prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(start + quote.length, start + quote.length + 32),
    codings: [{ id: `${id}/${codeId}`, codeId, coder: 'bob', createdAt: NOW }], memo: '', createdAt: NOW, updatedAt: NOW,
  };
}

/** Bob's project folder, as his Marginalia writes it (docs/project-files.md). */
function bobsFolder(): string {
  const doc = manifest(BUNDLED_CORPUS).documents[0]!;
  const text = normalisedFile(BUNDLED_CORPUS, doc.file);
  const folder = join(root, 'Bob.marginalia');
  mkdirSync(join(folder, 'documents'), { recursive: true });
  const interviewSha = sha256Hex(INTERVIEW);
  writeFileSync(join(folder, 'documents', `${interviewSha}.txt`), INTERVIEW);
  const snapshot = {
    format: 'marginalia-project-file', version: 3, id: 'project-bob-0001', name: 'Bob', createdAt: NOW, savedAt: NOW, seq: 0,
    corpus: { kind: 'bundled' }, clients: {}, settings: { coder: 'bob' },
    tables: {
      codes: [code('bob-stab', 'Stabilisation'), code('bob-ftf', 'FTF')],
      segments: [segment('bob-1', doc.id, text, P1, 'bob-stab')],
      memos: [],
      documents: [{ id: 'bob-interview', title: 'Informant interview', kind: null, place: null, date: null, sha256: interviewSha, source: 'interview.txt', importedAt: NOW }],
      attributes: [],
      documentInfo: [],
    },
  };
  writeFileSync(join(folder, 'project.json'), JSON.stringify(snapshot, null, 2));
  const change = (seq: number, id: string, documentId: string, documentText: string, quote: string) =>
    encodeJournalLine({ seq, at: NOW, client: 'bob-client-1', n: seq, kind: 'patch', label: 'Apply code', patch: { segments: { [id]: segment(id, documentId, documentText, quote, 'bob-ftf') } } });
  const torn = change(3, 'bob-4', doc.id, text, P3);
  writeFileSync(
    join(folder, 'journal.jsonl'),
    change(1, 'bob-2', doc.id, text, P2) + change(2, 'bob-3', 'bob-interview', INTERVIEW, 'The camps were full') + torn.slice(0, torn.length / 2),
  );
  writeFileSync(join(folder, 'lock'), 'not read');
  return folder;
}


test("a colleague's project folder merges in: codes mapped first, bob's codings stay bob's, the torn journal reported, one Undo", async ({ page }) => {
  const folder = bobsFolder();
  await openApp(page);
  await becomeCoder(page, 'alice');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = importDialog(page);
  await dialog.getByRole('radio', { name: 'Marginalia project (folder)', exact: true }).check();
  await expect(dialog.getByText('Pick the project folder itself, the one whose name ends in .marginalia')).toBeVisible();
  const axe = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  await (await choosing).setFiles(folder);
  await dialog.getByRole('button', { name: 'Merge' }).click();

  const step = dialog.getByRole('region', { name: 'Map Bob.marginalia’s codes' });
  await step.getByRole('button', { name: 'Import (1 mapped, 0 new)' }).click();
  await expect(dialog.getByRole('status')).toContainText('Imported Bob.marginalia: Added 3 segments and 1 document.');
  await expect(dialog.getByText('Mapped 1 code onto existing codes: "Stabilisation" → "Stabilization".')).toBeVisible();
  await expect(dialog.getByText(/journal was damaged at line 3 \(the last line was cut short.*after change 2/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();

  await expectCount(page, 'Stabilization', 1);
  await expectCount(page, 'FTF', 2);
  await expect.poll(() => highlightedTexts(page)).toEqual([P1, P2].sort());
  await page.getByRole('button', { name: /^Codings shown/ }).click();
  await page.getByRole('group', { name: 'Coder filter' }).getByRole('radio', { name: 'Only mine (alice)' }).check();
  await expectCount(page, 'FTF', 0); // every coding is bob's
  await expect.poll(() => highlightedTexts(page)).toEqual([]);
  await page.getByRole('group', { name: 'Coder filter' }).getByRole('radio', { name: 'All coders' }).check();
  await page.keyboard.press('Escape');

  await page.keyboard.press('ControlOrMeta+z');
  await expectCount(page, 'Stabilization', 0);
  await expectCount(page, 'FTF', 0);
  await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Informant interview' })).toHaveCount(0);
});

test('a folder that is no project is explained, and nothing is stored', async ({ page }) => {
  mkdirSync(join(root, 'Notes'));
  writeFileSync(join(root, 'Notes', 'readme.txt'), 'not a project');
  await openApp(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const dialog = importDialog(page);
  await dialog.getByRole('radio', { name: 'Marginalia project (folder)', exact: true }).check();
  const choosing = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose folder…' }).click();
  await (await choosing).setFiles(join(root, 'Notes'));
  await expect(dialog.getByRole('alert')).toHaveText("Notes was not imported. The folder holds no project.json: pick the project's own folder, the one whose name ends in .marginalia.");
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
