/**
 * Turns ProjectData into the bytes of one export format. CSV is written in chunks (progress,
 * cancellation, a responsive window with 100,000 segments); the .qdpx is one heavy call, made
 * in a Web Worker where there is one (inline elsewhere, e.g. in Node tests).
 */
import { bytesToBase64 } from '../../../common/bytes';
import { toCsvChunks, type CsvOptions } from '../../formats/csv/csv';
import type { ProjectData } from '../../formats/projectData';
import { toWebAnnotationJson } from '../../formats/webAnnotation/webAnnotation';
import { exportBackup } from '../../formats/backup/backup';
import { exportQdc } from '../../formats/refiQda/codebook';
import { exportQdpx, type QdpxOptions } from '../../formats/refiQda/exportQdpx';
import type { ExportFormat } from '../../formats/registry';

export interface ProduceOptions {
  now: Date;
  /** The analyst (REFI-QDA creating user). */
  userName: string;
  /** The corpus name, for labels inside the file. */
  projectName?: string;
  /** Filters and options for the CSV formats (shape is set by the format). */
  csv?: Omit<CsvOptions, 'shape'>;
  onProgress?: (done: number, total: number) => void;
  /** Checked between chunks; when it returns true the export stops with ExportCancelled. */
  cancelled?: () => boolean;
}

export interface ProducedExport {
  content: string;
  encoding: 'utf8' | 'base64';
  /** Data rows written (CSV only). */
  rows?: number;
}

export class ExportCancelled extends Error {
  override name = 'ExportCancelled';
}

/** One turn of the event loop (and a frame in a browser), so the busy state can paint. */
export const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function produceExport(format: ExportFormat, data: ProjectData, options: ProduceOptions): Promise<ProducedExport> {
  const now = options.now.toISOString();
  switch (format) {
    case 'csv-long':
    case 'csv-wide': {
      const parts: string[] = [];
      let rows = 0;
      const progress = (done: number, total: number) => {
        rows = total;
        options.onProgress?.(done, total);
      };
      const shape = format === 'csv-long' ? 'long' : 'wide';
      for await (const chunk of toCsvChunks(data, { ...options.csv, shape }, progress)) {
        if (options.cancelled?.()) throw new ExportCancelled('Export cancelled.');
        parts.push(chunk);
      }
      return { content: parts.join(''), encoding: 'utf8', rows };
    }
    case 'backup':
      return { content: exportBackup(data, now), encoding: 'utf8' };
    case 'annotations':
      return { content: toWebAnnotationJson(data, options.projectName), encoding: 'utf8' };
    case 'qdc':
      return { content: exportQdc(data.codes), encoding: 'utf8' };
    case 'qdpx': {
      await nextTurn();
      const bytes = await exportQdpxOffThread(data, { now, userName: options.userName, projectName: options.projectName }, options.cancelled);
      if (options.cancelled?.()) throw new ExportCancelled('Export cancelled.');
      return { content: bytesToBase64(bytes), encoding: 'base64' };
    }
  }
}

/** How often a running .qdpx worker checks whether the export was cancelled. */
const CANCEL_POLL_MS = 200;

/**
 * exportQdpx in a Web Worker, so the window stays responsive; inline where workers are missing.
 * Cancelling (closing the dialog) stops the worker: a large project takes seconds to write.
 */
function exportQdpxOffThread(data: ProjectData, options: QdpxOptions, cancelled?: () => boolean): Promise<Uint8Array> {
  if (typeof Worker === 'undefined') return Promise.resolve(exportQdpx(data, options));
  let worker: Worker;
  try {
    worker = new Worker(new URL('../../formats/refiQda/qdpxWorker.ts', import.meta.url));
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
