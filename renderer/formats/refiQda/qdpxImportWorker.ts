/// <reference lib="webworker" />
/**
 * Reads a .qdpx off the main thread: inflating, checking and parsing an archive takes up to
 * seconds within the limits of limits.ts, and must not freeze the window.
 */
import type { Additions } from '../format';
import { importQdpx, type QdpxImportOptions } from './importQdpx';
import { replyOf, type WorkerReply } from '../workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ bytes: Uint8Array; options: QdpxImportOptions }>) => {
  scope.postMessage(await replyOf(() => importQdpx(event.data.bytes, event.data.options)));
};
scope.postMessage({ type: 'ready' } satisfies WorkerReply<Additions>);
