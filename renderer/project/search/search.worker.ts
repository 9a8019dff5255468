/// <reference lib="webworker" />
/**
 * The search engine off the main thread: indexing 50 MB of text and answering queries over it
 * must never hold up the window.
 */
import { SearchEngine } from './engine';
import type { EngineRequest } from './protocol';
import { errorMessage } from '../../../common/errorMessage';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new SearchEngine();

scope.onmessage = (event: MessageEvent<{ id: number; request: EngineRequest }>) => {
  const { id, request } = event.data;
  try {
    const value = engine.handle(request);
    const transfer = value.method === 'hits' ? [value.doc.buffer, value.start.buffer, value.end.buffer] : [];
    scope.postMessage({ id, ok: true, value }, transfer);
  } catch (err) {
    scope.postMessage({ id, ok: false, message: errorMessage(err) });
  }
};
