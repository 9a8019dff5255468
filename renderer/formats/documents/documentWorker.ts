/// <reference lib="webworker" />
/**
 * Converts added files off the main thread, one message per file: reading a Word file or the
 * text layer of a 300-page PDF takes seconds that must not freeze the window. The text is
 * hashed here too (the duplicate check needs it).
 */
import { convertDocumentFile, type ConversionRequest } from './conversion';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ConversionRequest>) => {
  scope.postMessage(await convertDocumentFile(event.data));
};
