/// <reference lib="webworker" />
/** Reads a colleague's project folder off the main thread (see offThread.ts). */
import { replyOf, type WorkerReply } from '../workerProtocol';
import type { BackupRead } from '../backup/read';
import { readProjectFolder, type ProjectFolderRequest } from './read';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ProjectFolderRequest>) => {
  scope.postMessage(await replyOf(() => readProjectFolder(event.data)));
};
scope.postMessage({ type: 'ready' } satisfies WorkerReply<BackupRead>);
