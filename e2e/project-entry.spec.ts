/**
 * A project opened by its entry file from the Node host's command line —
 * `npm run web -- --open "Field study.marginalia/Field study.marginalia-project"`, the path a
 * double-click hands the desktop app on Windows and Linux — and a path that names no project,
 * which opens a new project and says, in the console and in the window, what to choose instead.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ensureEntryFile } from '../main/project/entryFile';
import { ProjectFile } from '../main/project/projectFile';
import { viewerText } from './support/text';

let scratch: string;
const running: ChildProcess[] = [];

test.beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'marginalia-e2e-entry-'));
});
test.afterEach(async () => {
  for (const child of running.splice(0)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill();
    await exited;
  }
  await rm(scratch, { recursive: true, force: true });
});

/** `npm run web` with these arguments on a data folder of the test's own: its address and all it printed. */
async function startCli(args: string[]): Promise<{ url: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/web/cli.ts', '--port', '0', '--data', join(scratch, 'data'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /running at (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`the host stopped (${code}): ${output}`)));
  });
  return { url, output: () => output };
}

test('--open with a project’s entry file opens that project', async ({ page }) => {
  // A project made elsewhere, not in the data folder nor among its recent projects.
  const field = join(scratch, 'Elsewhere', 'Field study.marginalia');
  await (await ProjectFile.create(field, { id: randomUUID(), name: 'Field study', corpus: { kind: 'bundled' } })).close();
  const entry = await ensureEntryFile(field, 'Field study');

  const host = await startCli(['--open', entry]);
  await expect.poll(host.output).toContain(`Project "Field study" (${field})`);
  await page.goto(host.url);
  await expect(page).toHaveTitle('Field study — Marginalia');
  await expect(viewerText(page)).toContainText('Small Group', { timeout: 30_000 });
  await expect(page.getByRole('region', { name: 'About the project file' })).toHaveCount(0);
});

test('--open with a file that is no project opens a new project and says what to choose instead', async ({ page }) => {
  const notes = join(scratch, 'notes.txt');
  await writeFile(notes, 'Not a project.');

  const host = await startCli(['--open', notes]);
  const message = `${notes} could not be opened: notes.txt is not a Marginalia project: open the project's folder (its name ends in .marginalia) or the .marginalia-project file inside it.`;
  await expect.poll(host.output).toContain(message);
  await page.goto(host.url);
  await expect(page).toHaveTitle(/^Global Coalition against Daesh\/ISIS: statements 2015-2020 — Marginalia$/);
  await expect(page.getByRole('region', { name: 'About the project file' })).toContainText(message);
});
