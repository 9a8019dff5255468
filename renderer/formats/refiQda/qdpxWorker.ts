/// <reference lib="webworker" />
/**
 * Builds a .qdpx off the main thread: for 100,000 segments that is seconds of XML and ZIP
 * work, which must not freeze the window.
 */
import { exportQdpx, type QdpxOptions } from './exportQdpx';
import type { ProjectData } from '../projectData';
import { replyOf, type WorkerReply } from '../workerProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ data: ProjectData; options: QdpxOptions }>) => {
  const reply = await replyOf(() => exportQdpx(event.data.data, event.data.options));
  scope.postMessage(reply, reply.type === 'done' ? [reply.value.buffer as ArrayBuffer] : []);
};
scope.postMessage({ type: 'ready' } satisfies WorkerReply<Uint8Array>);
