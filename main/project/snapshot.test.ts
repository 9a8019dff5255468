import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSnapshot } from './snapshot';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'marginalia-snapshot-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('reading project.json', () => {
  it('says where a file that is not JSON is damaged (line and column) and what to do', async () => {
    await writeFile(join(folder, 'project.json'), '{\n  "format": "marginalia-project-file",\n  oops\n}');
    await expect(readSnapshot(folder)).rejects.toThrow(
      /^project\.json is damaged at line 3, column 3 \(.+\): restore the project folder from a backup copy, or open another project$/,
    );
  });
});
