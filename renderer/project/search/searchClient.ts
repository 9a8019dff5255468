/**
 * Talks to the search engine: in a Web Worker where there is one, inline otherwise (Node
 * tests, or a host that refuses workers). Requests are answered in the order they were sent.
 */
import { SearchEngine } from './engine';
import type { EngineRequest, ResponseTo } from './protocol';

export interface SearchClient {
  request<R extends EngineRequest>(request: R): Promise<ResponseTo<R['method']>>;
  /** Whether the engine runs off the main thread. */
  readonly offThread: boolean;
  dispose(): void;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

class InlineClient implements SearchClient {
  readonly offThread = false;
  private readonly engine = new SearchEngine();
  private queue: Promise<unknown> = Promise.resolve();

  request<R extends EngineRequest>(request: R): Promise<ResponseTo<R['method']>> {
    const answer = this.queue.then(() => this.engine.handle(request) as ResponseTo<R['method']>);
    this.queue = answer.catch(() => undefined);
    return answer;
  }

  dispose(): void {}
}

class WorkerClient implements SearchClient {
  readonly offThread = true;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<Reply>) => {
      const waiting = this.pending.get(e.data.id);
      if (!waiting) return;
      this.pending.delete(e.data.id);
      if (e.data.ok) waiting.resolve(e.data.value);
      else waiting.reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      e.preventDefault();
      const error = new Error(`The search engine stopped: ${e.message || 'unknown error'}`);
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    };
  }

  request<R extends EngineRequest>(request: R): Promise<ResponseTo<R['method']>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, request });
    });
  }

  dispose(): void {
    this.worker.terminate();
    for (const waiting of this.pending.values()) waiting.reject(new Error('The search engine was closed.'));
    this.pending.clear();
  }
}

export function createSearchClient(): SearchClient {
  if (typeof Worker === 'undefined') return new InlineClient();
  try {
    return new WorkerClient(new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module' }));
  } catch {
    return new InlineClient();
  }
}
