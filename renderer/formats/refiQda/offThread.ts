/**
 * The .qdpx jobs in a Web Worker, so the window stays responsive: writing a large project takes
 * seconds, and reading one inflates, checks and parses up to the limits of limits.ts. Where
 * workers are missing (Node tests) or one cannot start, the job runs inline — the same code,
 * under the same limits. Cancelling an export stops its worker.
 */
import { ExportCancelled, type Additions } from '../format';
import type { ProjectData } from '../projectData';
import { exportQdpx, type QdpxOptions } from './exportQdpx';
import { importQdpx, type QdpxImportOptions } from './importQdpx';
import type { WorkerReply } from './workerProtocol';

/** How often a running worker checks whether its job was cancelled. */
const CANCEL_POLL_MS = 200;

interface WorkerJob<T> {
  /** `new Worker(new URL(…))` written out at the call, so the bundler finds the worker. */
  start: () => Worker;
  message: unknown;
  /** Buffers handed to the worker once it runs (sent after it said it is ready, so the inline fallback still has them). */
  transfer?: Transferable[];
  inline: () => T | Promise<T>;
  cancelled?: () => boolean;
}

const isReply = (data: unknown): data is WorkerReply<unknown> =>
  typeof data === 'object' && data !== null && ['ready', 'done', 'failed'].includes((data as { type?: unknown }).type as string);

function runInWorker<T>(job: WorkerJob<T>): Promise<T> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(job.inline);
  let worker: Worker;
  try {
    worker = job.start();
  } catch {
    return Promise.resolve().then(job.inline);
  }
  return new Promise<T>((resolve, reject) => {
    let running = false;
    const poll = setInterval(() => {
      if (!job.cancelled?.()) return;
      finish();
      reject(new ExportCancelled('Export cancelled.'));
    }, CANCEL_POLL_MS);
    const finish = () => {
      clearInterval(poll);
      worker.terminate();
    };
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
      else Promise.resolve().then(job.inline).then(resolve, reject);
    };
  });
}

export function exportQdpxOffThread(data: ProjectData, options: QdpxOptions, cancelled?: () => boolean): Promise<Uint8Array> {
  return runInWorker({
    start: () => new Worker(new URL('./qdpxWorker.ts', import.meta.url)),
    message: { data, options },
    inline: () => exportQdpx(data, options),
    cancelled,
  });
}

/** Reads a .qdpx off the main thread; the bytes are handed over to the worker (do not use them after). */
export function importQdpxOffThread(bytes: Uint8Array, options: QdpxImportOptions): Promise<Additions> {
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return runInWorker({
    start: () => new Worker(new URL('./qdpxImportWorker.ts', import.meta.url)),
    message: { bytes: own, options },
    transfer: [own.buffer as ArrayBuffer],
    inline: () => importQdpx(own, options),
  });
}
