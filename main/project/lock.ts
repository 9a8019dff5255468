/**
 * The `lock` file in a project folder: created exclusively by the process that opens the project
 * for writing, holding its pid and host name, removed when it closes the project. A second
 * process finds it and opens the project read-only, saying who has it. A lock whose process no
 * longer runs (the same host, a pid that is gone: a crash, a kill -9) is stale and taken over.
 */
import { hostname } from 'node:os';
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LOCK_FILE, ProjectLockSchema } from '../../common/projectFile';
import type { ProjectLock } from '../../common/projectFile';

/** An unreadable lock older than this was left by a crash while it was being written. */
const UNREADABLE_STALE_MS = 10_000;

export interface LockIdentity {
  pid: number;
  host: string;
}

export const thisProcess = (): LockIdentity => ({ pid: process.pid, host: hostname() });

/** Whether a process with this pid runs on this machine (signal 0 only asks). */
export function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export type LockOutcome =
  | { kind: 'acquired'; staleRemoved: ProjectLock | null }
  | { kind: 'held'; holder: ProjectLock | null; message: string };

export interface LockOptions {
  me?: LockIdentity;
  runs?: (pid: number) => boolean;
  now?: () => Date;
}

async function readLock(path: string): Promise<ProjectLock | null | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = ProjectLockSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unreadable';
  } catch {
    return 'unreadable';
  }
}

/** Takes the project's lock, or says who holds it. */
export async function acquireLock(folder: string, options: LockOptions = {}): Promise<LockOutcome> {
  const me = options.me ?? thisProcess();
  const runs = options.runs ?? processRuns;
  const path = join(folder, LOCK_FILE);
  let staleRemoved: ProjectLock | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    const lock: ProjectLock = { pid: me.pid, host: me.host, since: (options.now?.() ?? new Date()).toISOString() };
    try {
      await writeFile(path, `${JSON.stringify(lock)}\n`, { flag: 'wx' });
      return { kind: 'acquired', staleRemoved };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readLock(path);
    if (holder === null) continue; // removed in between: try again
    if (holder === 'unreadable') {
      // Another process may be between creating the file and writing it; one left so for long was cut short by a crash.
      const written = (await stat(path).catch(() => null))?.mtimeMs ?? 0;
      if ((options.now?.() ?? new Date()).getTime() - written > UNREADABLE_STALE_MS) {
        await rm(path, { force: true });
        continue;
      }
      return { kind: 'held', holder: null, message: 'Its lock file cannot be read: another Marginalia may be opening it. If none is, delete the file "lock" in the project folder.' };
    }
    if (holder.host === me.host && holder.pid === me.pid) return { kind: 'acquired', staleRemoved };
    if (holder.host === me.host && !runs(holder.pid)) {
      await rm(path, { force: true });
      staleRemoved = holder;
      continue;
    }
    const where = holder.host === me.host ? 'on this computer' : `on the computer "${holder.host}"`;
    return {
      kind: 'held',
      holder,
      message: `Another Marginalia (process ${holder.pid} ${where}, since ${holder.since}) has this project open, so it was opened read-only: changes cannot be saved here.`,
    };
  }
  return { kind: 'held', holder: null, message: 'The project lock keeps changing hands; it was opened read-only.' };
}

/** Removes the lock if it is still ours. */
export async function releaseLock(folder: string, me: LockIdentity = thisProcess()): Promise<void> {
  const path = join(folder, LOCK_FILE);
  const holder = await readLock(path).catch(() => null);
  if (holder !== null && holder !== 'unreadable' && holder.pid === me.pid && holder.host === me.host) await rm(path, { force: true });
}
