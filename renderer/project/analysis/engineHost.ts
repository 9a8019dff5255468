/**
 * Where the analysis engine runs: in a Web Worker, or — where workers are missing (Node tests)
 * or one fails — inline on the main thread, the same engine fed the same messages.
 */
import { EngineDriver, type FromEngine, type ToEngine } from './protocol';

export interface EngineHost {
  send(message: ToEngine): void;
  /** Called with every reply; and with null when the engine stopped (the service then starts an inline one). */
  onReply: (reply: FromEngine | null) => void;
  dispose(): void;
}

export class InlineHost implements EngineHost {
  // Replies arrive later, as a worker's would, so callers see one order of events.
  private readonly driver = new EngineDriver((reply) => queueMicrotask(() => this.onReply(reply)));
  onReply: (reply: FromEngine | null) => void = () => undefined;

  send(message: ToEngine): void {
    this.driver.receive(message);
  }

  dispose(): void {
    this.driver.dispose();
  }
}

export class WorkerHost implements EngineHost {
  onReply: (reply: FromEngine | null) => void = () => undefined;

  constructor(private readonly worker: Worker) {
    worker.onmessage = (e: MessageEvent<FromEngine>) => this.onReply(e.data);
    worker.onerror = (e) => {
      e.preventDefault();
      console.error('The analysis worker stopped; analysis goes on in the window.', e.message);
      this.dispose();
      this.onReply(null);
    };
  }

  send(message: ToEngine): void {
    this.worker.postMessage(message);
  }

  dispose(): void {
    this.worker.terminate();
  }
}

export function startEngine(): EngineHost {
  if (typeof Worker === 'undefined') return new InlineHost();
  try {
    return new WorkerHost(new Worker(new URL('./analysisWorker.ts', import.meta.url)));
  } catch {
    return new InlineHost();
  }
}
