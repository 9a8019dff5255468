/**
 * Import reads a file as what its content is, whichever format is selected: a .qdpx chosen while
 * "Project backup (JSON)" is selected is read as a REFI-QDA project, the dialog says so and selects
 * that format; a PDF is refused with where it belongs (Add documents), not as broken UTF-8.
 */
import { expect, test } from '@playwright/test';
import { exportQdpx } from '../renderer/formats/refiQda/exportQdpx';
import { codeRow, openApp } from './support/coding';
import { importFile } from './support/exchange';

const now = '2024-05-01T10:00:00.000Z';
const code = { id: 'their-camps', name: 'Camps', colour: '#aa3300', description: '', parentId: null, shortcut: null, createdAt: now, updatedAt: now };

test('a .qdpx chosen as a JSON backup is read as a REFI-QDA project, and the dialog says so', async ({ page }) => {
  await openApp(page);
  const bytes = exportQdpx({ documents: [], codes: [code], segments: [], memos: [], settings: { coder: 'Zoe' } }, { now, userName: 'Zoe' });
  const dialog = await importFile(page, 'Project backup (JSON)', { name: 'fieldwork.qdpx', mimeType: 'application/zip', buffer: Buffer.from(bytes) });

  const status = dialog.getByRole('status');
  await expect(status).toContainText('fieldwork.qdpx is a REFI-QDA project (.qdpx), not a Project backup (JSON): it was read as a REFI-QDA project (.qdpx).');
  await expect(status).toContainText('Imported fieldwork.qdpx: Added 1 code');
  await expect(dialog.getByRole('radio', { name: 'REFI-QDA project (.qdpx)', exact: true })).toBeChecked();
  await expect(dialog.getByRole('alert', { includeHidden: true })).toBeEmpty();
  await page.keyboard.press('Escape');
  await expect(codeRow(page, 'Camps')).toBeVisible();
});

test('a PDF chosen in Import is refused with where it belongs, nothing is read', async ({ page }) => {
  await openApp(page);
  const dialog = await importFile(page, 'Project backup (JSON)', { name: 'paper.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1') });
  await expect(dialog.getByRole('alert')).toHaveText('paper.pdf is a PDF (.pdf): add it to the project with Add documents…, not Import.');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});
