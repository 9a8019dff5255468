/**
 * exportQdpx in a Web Worker, so the window stays responsive (a large project takes seconds
 * to write); inline where workers are missing (e.g. Node tests). Cancelling stops the worker.
 */
import { ExportCancelled } from '../format';
import type { ProjectData } from '../projectData';
import { exportQdpx, type QdpxOptions } from './exportQdpx';

/** How often a running .qdpx worker checks whether the export was cancelled. */
const CANCEL_POLL_MS = 200;

export function exportQdpxOffThread(data: ProjectData, options: QdpxOptions, cancelled?: () => boolean): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return Promise.resolve(exportQdpx(data, options));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./qdpxWorker.ts', import.meta.url));
  } catch {
    return Promise.resolve(exportQdpx(data, options));
  }
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (!cancelled?.()) return;
      clearInterval(poll);
      worker.terminate();
      reject(new ExportCancelled('Export cancelled.'));
    }, CANCEL_POLL_MS);
    worker.onmessage = (e: MessageEvent<{ ok: true; bytes: Uint8Array } | { ok: false; message: string }>) => {
      clearInterval(poll);
      worker.terminate();
      if (e.data.ok) resolve(e.data.bytes);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      clearInterval(poll);
      worker.terminate();
      e.preventDefault();
      // A worker that cannot start (e.g. blocked by the host) must not cost the export.
      try {
        resolve(exportQdpx(data, options));
      } catch (err) {
        reject(err);
      }
    };
    worker.postMessage({ data, options });
  });
}
