/**
 * A file the operating system asks Marginalia to open — a double-clicked .qdpx in the desktop
 * app, `--open <file>` for the Node host — opens the Import dialog on it when the page starts:
 * imported with its report, or explained when it cannot be read.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { exportQdpx } from '../renderer/formats/refiQda/exportQdpx';
import { BUNDLED_CORPUS, startHost } from './support/host';

const NOW = '2024-05-01T10:00:00.000Z';
const TEXT = 'We talked about returnees and the border.';

function fieldworkQdpx(): Uint8Array {
  const sha256 = createHash('sha256').update(TEXT, 'utf8').digest('hex');
  const quote = 'returnees and the border';
  const start = TEXT.indexOf(quote);
  return exportQdpx(
    {
      documents: [{ id: 'interview-7', title: 'Interview with a returnee', kind: 'interview', place: null, date: null, sha256, text: TEXT }],
      codes: [{ id: 'their-camps', name: 'Camps', colour: '#aa3300', description: '', parentId: null, shortcut: null, createdAt: NOW, updatedAt: NOW }],
      segments: [
        {
          id: 's-1',
          documentId: 'interview-7',
          documentHash: sha256,
          start,
          end: start + quote.length,
          quote,
          prefix: TEXT.slice(0, start),
          suffix: TEXT.slice(start + quote.length),
          codings: [{ id: 's-1/their-camps', codeId: 'their-camps', coder: 'Zoe', createdAt: NOW }],
          memo: '',
          createdAt: NOW,
          updatedAt: NOW,
        },
      ],
      memos: [],
      settings: { coder: 'Zoe' },
    },
    { now: NOW, userName: 'Zoe' },
  );
}

let dir: string;
test.beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-opened-'));
});
test.afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

test('a .qdpx given to the host opens the Import dialog on it and imports it', async ({ page }) => {
  const file = join(dir, 'fieldwork.qdpx');
  await writeFile(file, fieldworkQdpx());
  const host = await startHost(BUNDLED_CORPUS, 0, { open: [file] });
  try {
    await page.goto(host.url);
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await expect(dialog.getByRole('status')).toContainText('Imported fieldwork.qdpx: Added 1 code, 1 segment and 1 document.');
    await expect(dialog.getByRole('radio', { name: 'REFI-QDA project (.qdpx)' })).toBeChecked();
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Interview with a returnee' })).toBeVisible();

    // Taken once: a reload does not import it again.
    await page.reload();
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link', { name: 'Interview with a returnee' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Import' })).toHaveCount(0);
  } finally {
    await host.close();
  }
});

test('an opened file that cannot be read is explained and nothing is imported', async ({ page }) => {
  const host = await startHost(BUNDLED_CORPUS, 0, { open: [join(dir, 'gone.qdpx')] });
  try {
    await page.goto(host.url);
    const dialog = page.getByRole('dialog', { name: 'Import' });
    await expect(dialog.getByRole('alert')).toHaveText('gone.qdpx could not be opened: gone.qdpx was not found');
    await expect(page.getByRole('navigation', { name: 'Documents' }).getByRole('link')).toHaveCount(5);
  } finally {
    await host.close();
  }
});
