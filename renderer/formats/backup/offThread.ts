/**
 * Reading a backup in a Web Worker (see ../offThread.ts): a project of 100,000 segments is
 * seconds of JSON parsing and checking every row, which must not freeze the window.
 * Cancelling stops the worker.
 */
import { ownBytes, runInWorker } from '../offThread';
import { readBackup, type BackupRead, type BackupRequest } from './read';

/** Reads and checks a backup off the main thread; the bytes are handed over to the worker (do not use them after). */
export function readBackupOffThread(bytes: Uint8Array, name: string, signal?: AbortSignal): Promise<BackupRead> {
  const request: BackupRequest = { bytes: ownBytes(bytes), name };
  return runInWorker({
    start: () => new Worker(new URL('./backupWorker.ts', import.meta.url)),
    message: request,
    transfer: [request.bytes.buffer as ArrayBuffer],
    inline: () => readBackup(request),
    signal,
  });
}
