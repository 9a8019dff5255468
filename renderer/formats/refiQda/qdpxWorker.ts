/// <reference lib="webworker" />
/**
 * Builds a .qdpx off the main thread: for 100,000 segments that is seconds of XML and ZIP
 * work, which must not freeze the window.
 */
import { exportQdpx, type QdpxOptions } from './exportQdpx';
import type { ProjectData } from '../projectData';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<{ data: ProjectData; options: QdpxOptions }>) => {
  try {
    const bytes = exportQdpx(event.data.data, event.data.options);
    scope.postMessage({ ok: true, bytes }, [bytes.buffer]);
  } catch (err) {
    scope.postMessage({ ok: false, message: err instanceof Error ? err.message : String(err) });
  }
};
