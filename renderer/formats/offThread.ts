/**
 * A format's job in a Web Worker, so the window stays responsive: writing a large .qdpx takes
 * seconds, and reading a file (a .qdpx, a .qdc, a backup) parses and checks up to the limits of
 * fileLimits.ts. Where workers are missing (Node tests) or one cannot start, the job runs
 * inline — the same code, under the same limits. Cancelling stops the worker at once: a
 * cancelled export polls `cancelled`, a cancelled import aborts its signal (the Import dialog
 * closed), and nothing it read is handed back.
 */
import { ExportCancelled, ImportCancelled } from './format';
import type { WorkerReply } from './workerProtocol';

/** How often a running worker checks whether its export was cancelled. */
const CANCEL_POLL_MS = 200;

export interface WorkerJob<T> {
  /** `new Worker(new URL(…))` written out at the call, so the bundler finds the worker. */
  start: () => Worker;
  message: unknown;
  /** Buffers handed to the worker once it runs (sent after it said it is ready, so the inline fallback still has them). */
  transfer?: Transferable[];
  inline: () => T | Promise<T>;
  /** An export's question: stop now? */
  cancelled?: () => boolean;
  /** An import's: aborted when the analyst gave up on it. */
  signal?: AbortSignal;
}

const isReply = (data: unknown): data is WorkerReply<unknown> =>
  typeof data === 'object' && data !== null && ['ready', 'done', 'failed'].includes((data as { type?: unknown }).type as string);

const importCancelled = () => new ImportCancelled('Import cancelled.');

/** The inline job, refused when the import was cancelled before or while it ran. */
async function runInline<T>(job: WorkerJob<T>): Promise<T> {
  if (job.signal?.aborted) throw importCancelled();
  const value = await job.inline();
  if (job.signal?.aborted) throw importCancelled();
  return value;
}

export function runInWorker<T>(job: WorkerJob<T>): Promise<T> {
  if (job.signal?.aborted) return Promise.reject(importCancelled());
  if (typeof Worker === 'undefined') return runInline(job);
  let worker: Worker;
  try {
    worker = job.start();
  } catch {
    return runInline(job);
  }
  return new Promise<T>((resolve, reject) => {
    let running = false;
    const poll = job.cancelled
      ? setInterval(() => {
          if (!job.cancelled!()) return;
          finish();
          reject(new ExportCancelled('Export cancelled.'));
        }, CANCEL_POLL_MS)
      : undefined;
    const abort = () => {
      finish();
      reject(importCancelled());
    };
    const finish = () => {
      clearInterval(poll);
      job.signal?.removeEventListener('abort', abort);
      worker.terminate();
    };
    job.signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerReply<T>>) => {
      const reply = e.data;
      // Libraries bundled into the worker may talk on the same port (pdf.js, used for rich-text
      // sources, announces itself when it finds it runs in a worker): only our replies count.
      if (!isReply(reply)) return;
      if (reply.type === 'ready') {
        running = true;
        worker.postMessage(job.message, job.transfer ?? []);
        return;
      }
      finish();
      if (reply.type === 'done') resolve(reply.value);
      else reject(new Error(reply.message));
    };
    worker.onerror = (e) => {
      finish();
      e.preventDefault();
      // A worker that cannot start (e.g. blocked by the host) must not cost the job; one that
      // failed while working reports why.
      if (running) reject(new Error(`The work stopped unexpectedly: ${e.message || 'the worker failed'}.`));
      else runInline(job).then(resolve, reject);
    };
  });
}

/** `bytes` as a buffer of their own, to hand over to a worker (the caller must not use them after). */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}
