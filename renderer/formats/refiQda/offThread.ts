/**
 * The REFI-QDA jobs in Web Workers (see ../offThread.ts), so the window stays responsive:
 * writing a large .qdpx takes seconds, and reading one inflates, checks and parses up to the
 * limits of limits.ts; a .qdc of 20,000 codes is seconds of XML. Cancelling stops the worker.
 */
import type { Additions } from '../format';
import { ownBytes, runInWorker } from '../offThread';
import type { ProjectData } from '../projectData';
import { readQdc, type QdcRead, type QdcRequest } from './codebook';
import { exportQdpx, type QdpxOptions } from './exportQdpx';
import { importQdpx, type QdpxImportOptions } from './importQdpx';

export function exportQdpxOffThread(data: ProjectData, options: QdpxOptions, cancelled?: () => boolean): Promise<Uint8Array> {
  return runInWorker({
    start: () => new Worker(new URL('./qdpxWorker.ts', import.meta.url)),
    message: { data, options },
    inline: () => exportQdpx(data, options),
    cancelled,
  });
}

/** Reads a .qdpx off the main thread; the bytes are handed over to the worker (do not use them after). */
export function importQdpxOffThread(bytes: Uint8Array, options: QdpxImportOptions, signal?: AbortSignal): Promise<Additions> {
  const own = ownBytes(bytes);
  return runInWorker({
    start: () => new Worker(new URL('./qdpxImportWorker.ts', import.meta.url)),
    message: { bytes: own, options },
    transfer: [own.buffer as ArrayBuffer],
    inline: () => importQdpx(own, options),
    signal,
  });
}

/** Reads a .qdc codebook off the main thread; the bytes are handed over to the worker (do not use them after). */
export function importQdcOffThread(bytes: Uint8Array, file: { name: string; now: string }, signal?: AbortSignal): Promise<QdcRead> {
  const request: QdcRequest = { bytes: ownBytes(bytes), name: file.name, now: file.now };
  return runInWorker({
    start: () => new Worker(new URL('./qdcWorker.ts', import.meta.url)),
    message: request,
    transfer: [request.bytes.buffer as ArrayBuffer],
    inline: () => readQdc(request),
    signal,
  });
}
