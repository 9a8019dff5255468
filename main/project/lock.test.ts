import { mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireLock, processRuns, releaseLock } from './lock';

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'marginalia-lock-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const a = { pid: 1001, host: 'desk' };
const b = { pid: 1002, host: 'desk' };
const everyoneRuns = { runs: () => true };

describe('the project lock', () => {
  it('is taken by the first process, held against a second, and free again once released', async () => {
    expect(await acquireLock(folder, { me: a, ...everyoneRuns })).toEqual({ kind: 'acquired', staleRemoved: null });
    expect(JSON.parse(await readFile(join(folder, 'lock'), 'utf8'))).toMatchObject({ pid: 1001, host: 'desk' });
    const second = await acquireLock(folder, { me: b, ...everyoneRuns });
    expect(second).toMatchObject({ kind: 'held', holder: { pid: 1001, host: 'desk' } });
    expect(second.kind === 'held' && second.message).toMatch(/process 1001 on this computer.*read-only/);
    await releaseLock(folder, b); // not b's: stays
    expect((await acquireLock(folder, { me: b, ...everyoneRuns })).kind).toBe('held');
    await releaseLock(folder, a);
    expect((await acquireLock(folder, { me: b, ...everyoneRuns })).kind).toBe('acquired');
  });

  it('is taken over when its process is gone (a crash), and says so', async () => {
    await acquireLock(folder, { me: a, ...everyoneRuns });
    const outcome = await acquireLock(folder, { me: b, runs: (pid) => pid !== 1001 });
    expect(outcome).toMatchObject({ kind: 'acquired', staleRemoved: { pid: 1001 } });
    expect(JSON.parse(await readFile(join(folder, 'lock'), 'utf8'))).toMatchObject({ pid: 1002 });
  });

  it('of another computer is never taken over: it cannot be checked from here', async () => {
    await acquireLock(folder, { me: { pid: 7, host: 'laptop' }, ...everyoneRuns });
    const outcome = await acquireLock(folder, { me: a, runs: () => false });
    expect(outcome.kind === 'held' && outcome.message).toMatch(/on the computer "laptop"/);
  });

  it('that cannot be read is held while new, and stale once old (a crash while it was written)', async () => {
    await writeFile(join(folder, 'lock'), '');
    expect((await acquireLock(folder, { me: a, ...everyoneRuns })).kind).toBe('held');
    const old = new Date(Date.now() - 60_000);
    await utimes(join(folder, 'lock'), old, old);
    expect((await acquireLock(folder, { me: a, ...everyoneRuns })).kind).toBe('acquired');
  });

  it('asks the system whether a pid runs', () => {
    expect(processRuns(process.pid)).toBe(true);
    expect(processRuns(2 ** 22 + 12345)).toBe(false);
  });
});
