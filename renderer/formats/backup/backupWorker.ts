/// <reference lib="webworker" />
/** Reads and checks a backup off the main thread (see offThread.ts). */
import { replyOf, type WorkerReply } from '../workerProtocol';
import { readBackup, type BackupRead, type BackupRequest } from './read';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<BackupRequest>) => {
  scope.postMessage(await replyOf(() => readBackup(event.data)));
};
scope.postMessage({ type: 'ready' } satisfies WorkerReply<BackupRead>);
