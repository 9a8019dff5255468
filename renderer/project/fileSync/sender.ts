/**
 * Sends the outbox to main, which appends each change to the project's journal and fsyncs it
 * before it answers; answered rows leave the outbox. Coding never waits for it: a change is
 * stored (with its outbox row) and the window moves on, while the sender sends whatever has
 * gathered — one request at a time, so changes made during a request go together in the next.
 * One window of the database sends at a time (a Web Lock), so two tabs never send a row twice.
 * A failure is retried with growing pauses; the rows wait in the database meanwhile, also across
 * a closed window or a restart.
 */
import type { MarginaliaApi } from '../../../common/contract';
import type { OutgoingChange } from '../../../common/projectApi';
import type { ProjectPatch } from '../../../common/projectFile';
import type { MarginaliaDb, OutboxRow } from '../../store/db';
import { acknowledge, readOutbox } from '../../store/outbox';
import { errorMessage } from '../../../common/errorMessage';

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

/** Runs `task` while holding the database's send lock (navigator.locks where it exists). */
export type SendLock = <T>(task: () => Promise<T>) => Promise<T>;

export const browserSendLock: SendLock = (task) => {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('marginalia-journal', task) as ReturnType<typeof task>) : task();
};

export interface SenderOptions {
  db: MarginaliaDb;
  api: Pick<MarginaliaApi, 'appendJournal'>;
  client: string;
  lock?: SendLock;
  /** Pauses before each retry (the last repeats). */
  retryMs?: readonly number[];
  /** Changes per request at most. */
  batch?: number;
}

const DEFAULT_RETRY_MS = [500, 1_000, 2_000, 5_000, 10_000];

export class JournalSender {
  private status: SaveStatus = { kind: 'saved' };
  private readonly listeners = new Set<() => void>();
  private running: Promise<void> | null = null;
  private again = false;
  private failures = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly options: SenderOptions) {}

  getStatus = (): SaveStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Something was queued: send it soon (never waited for by the change that queued it). */
  kick(): void {
    if (this.stopped) return;
    if (this.status.kind === 'saved') this.setStatus({ kind: 'saving' });
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Sends everything waiting; resolves once the outbox is empty, rejects with why it could not be. */
  async flush(): Promise<void> {
    this.kick();
    while (this.running) await this.running;
    if (this.status.kind === 'failed') throw new Error(this.status.message);
  }

  stop(): void {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
  }

  private async drain(): Promise<void> {
    if (this.retryTimer) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    const lock = this.options.lock ?? browserSendLock;
    try {
      while (!this.stopped && (await lock(() => this.sendBatch()))) {
        // more to send
      }
      this.failures = 0;
      this.setStatus({ kind: 'saved' });
    } catch (err) {
      this.failures++;
      this.setStatus({ kind: 'failed', message: failureMessage(err) });
      const pauses = this.options.retryMs ?? DEFAULT_RETRY_MS;
      const pause = pauses[Math.min(this.failures - 1, pauses.length - 1)] ?? 1_000;
      if (!this.stopped) this.retryTimer = setTimeout(() => this.kick(), pause);
    }
  }

  /** Sends the oldest rows of one project; true when there may be more. */
  private async sendBatch(): Promise<boolean> {
    const rows = await readOutbox(this.options.db, this.options.batch ?? 500);
    if (rows.length === 0) return false;
    const projectId = rows[0]!.projectId;
    const otherProject = rows.findIndex((row) => row.projectId !== projectId);
    const batch = otherProject === -1 ? rows : rows.slice(0, otherProject);
    const result = await this.options.api.appendJournal({ projectId, client: this.options.client, changes: batch.map(outgoing) });
    await acknowledge(this.options.db, batch, result.seqs);
    return true;
  }

  private setStatus(status: SaveStatus): void {
    if (status.kind === this.status.kind && (status.kind !== 'failed' || status.message === (this.status as { message: string }).message)) return;
    this.status = status;
    for (const listener of this.listeners) listener();
  }
}

/** An outbox row as the journal takes it: the tables a patch writes, empty ones left out. */
export function outgoing(row: OutboxRow): OutgoingChange {
  const n = row.key!;
  if (row.change.kind === 'settings') return { n, kind: 'settings', settings: row.change.settings };
  const patch: ProjectPatch = {};
  for (const [table, rows] of Object.entries(row.change.patch) as Array<[keyof ProjectPatch, ProjectPatch[keyof ProjectPatch]]>) {
    if (rows && Object.keys(rows).length > 0) patch[table] = rows;
  }
  return { n, kind: 'patch', label: row.change.label, patch };
}

function failureMessage(err: unknown): string {
  const message = errorMessage(err);
  // fetch's own words when the host is gone ("Failed to fetch", "NetworkError …", "Load failed").
  if (err instanceof TypeError) return 'Marginalia cannot be reached; the changes are kept in this window and saved when it is back.';
  return message;
}
