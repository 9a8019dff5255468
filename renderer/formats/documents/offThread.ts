/**
 * Conversions in one Web Worker that lives while a batch of files is added, so the window stays
 * responsive. Where workers are missing (Node tests) or the worker cannot start, the same code
 * runs inline, loaded only then (pdf.js and mammoth stay out of the window's bundle).
 */
import type { ConversionReply, ConversionRequest } from './conversion';

export interface DocumentConverterPool {
  convert(name: string, bytes: Uint8Array): Promise<ConversionReply>;
  /** Stops the worker (a conversion under way is dropped). */
  close(): void;
}

const inline = async (request: ConversionRequest): Promise<ConversionReply> => (await import('./conversion')).convertDocumentFile(request);

export function openConverterPool(): DocumentConverterPool {
  let worker: Worker | null = null;
  let broken = typeof Worker === 'undefined';
  let nextId = 1;
  const pending = new Map<number, { request: ConversionRequest; resolve: (reply: ConversionReply) => void }>();

  const fallBack = () => {
    broken = true;
    worker?.terminate();
    worker = null;
    for (const { request, resolve } of pending.values()) void inline(request).then(resolve);
    pending.clear();
  };
  const start = (): Worker | null => {
    if (broken) return null;
    if (worker) return worker;
    try {
      worker = new Worker(new URL('./documentWorker.ts', import.meta.url));
    } catch {
      broken = true;
      return null;
    }
    worker.onmessage = (event: MessageEvent<ConversionReply>) => {
      const waiting = pending.get(event.data.id);
      pending.delete(event.data.id);
      waiting?.resolve(event.data);
    };
    // A worker that cannot start or dies: what it had is converted inline.
    worker.onerror = (event) => {
      event.preventDefault();
      fallBack();
    };
    return worker;
  };

  return {
    convert(name, bytes) {
      const request: ConversionRequest = { id: nextId++, name, bytes };
      const running = start();
      if (!running) return inline(request);
      return new Promise((resolve) => {
        pending.set(request.id, { request, resolve });
        running.postMessage(request);
      });
    },
    close() {
      worker?.terminate();
      worker = null;
      pending.clear();
    },
  };
}
