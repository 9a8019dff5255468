/// <reference lib="webworker" />
/** Reads a .qdc codebook off the main thread: 20,000 codes are seconds of XML parsing and checks. */
import { replyOf, type WorkerReply } from '../workerProtocol';
import { readQdc, type QdcRead, type QdcRequest } from './codebook';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<QdcRequest>) => {
  scope.postMessage(await replyOf(() => readQdc(event.data)));
};
scope.postMessage({ type: 'ready' } satisfies WorkerReply<QdcRead>);
