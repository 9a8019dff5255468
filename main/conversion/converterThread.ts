/**
 * One worker thread (conversionWorker.ts) that converts documents one after another, so that
 * pdf.js, its polyfills and mammoth never load into main's own thread, and a file that crashes or
 * hangs the converter costs that file only. The thread starts with the first file, is stopped
 * after IDLE_MS without work and never keeps the process alive while idle (tests, a CLI's end).
 */
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';
import { RefusedDocument, type ConvertedDocument } from '../../converters/convert';
import type { ConversionReply, ConversionRequest } from './protocol';

/** Longer than any real file takes (a 300-page PDF: seconds): past it the thread is stopped and the file refused. */
export const CONVERSION_TIMEOUT_MS = 120_000;
const IDLE_MS = 10_000;
/** A damaged file that makes pdf.js allocate without end stops the thread, not the app (Electron's isolates share one 4 GB heap cage). */
const LIMITS: ResourceLimits = { maxOldGenerationSizeMb: 2048 };

export interface ConverterThreadOptions {
  timeoutMs?: number;
  idleMs?: number;
  /** The thread's module (tests give one that hangs or crashes); else conversionWorker beside this module. */
  script?: string;
}

interface Job {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  resolve: (document: ConvertedDocument) => void;
  reject: (refusal: RefusedDocument) => void;
}

export class ConverterThread {
  private worker: Worker | null = null;
  private readonly queue: Job[] = [];
  private current: Job | null = null;
  private deadline: NodeJS.Timeout | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private nextId = 1;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly script: string;

  constructor(options: ConverterThreadOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? CONVERSION_TIMEOUT_MS;
    this.idleMs = options.idleMs ?? IDLE_MS;
    this.script = options.script ?? conversionWorkerScript();
  }

  /**
   * Converts a file by its name's extension, as converters/convertDocument does. Rejects only with
   * a RefusedDocument. The bytes' buffer is handed to the thread: the caller must not use them after.
   */
  convert(fileName: string, bytes: Uint8Array): Promise<ConvertedDocument> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, fileName, bytes, resolve, reject });
      this.startNext();
    });
  }

  private startNext(): void {
    if (this.current) return;
    const job = this.queue.shift();
    if (!job) {
      this.idle();
      return;
    }
    clearTimeout(this.idleTimer);
    this.current = job;
    let worker: Worker;
    try {
      worker = this.running();
    } catch (error) {
      this.finish({ id: job.id, ok: false, reason: `it could not be read (the converter could not start: ${error instanceof Error ? error.message : String(error)})` });
      return;
    }
    worker.ref();
    this.deadline = setTimeout(() => {
      this.stopWorker();
      this.finish({ id: job.id, ok: false, reason: `it was still being read after ${this.timeoutMs / 1000} s, so reading it was stopped (a damaged or unusually complex file?)` });
    }, this.timeoutMs);
    const buffer = ownBuffer(job.bytes);
    const request: ConversionRequest = { id: job.id, fileName: job.fileName, bytes: buffer };
    try {
      worker.postMessage(request, [buffer]);
    } catch (error) {
      this.finish({ id: job.id, ok: false, reason: `it could not be read (${error instanceof Error ? error.message : String(error)})` });
    }
  }

  private finish(reply: ConversionReply): void {
    const job = this.current;
    if (!job || job.id !== reply.id) return;
    clearTimeout(this.deadline);
    this.current = null;
    if (reply.ok) job.resolve(reply.document);
    else job.reject(new RefusedDocument(reply.reason));
    this.startNext();
  }

  /** The thread, started when there is none (the first file, or the one after a crash or a timeout). */
  private running(): Worker {
    if (this.worker) return this.worker;
    const worker = startWorker(this.script);
    this.worker = worker;
    const crashed = (why: string) => {
      if (this.worker !== worker) return; // one this thread already stopped
      this.stopWorker();
      if (this.current) this.finish({ id: this.current.id, ok: false, reason: `it could not be read (the converter stopped: ${why})` });
    };
    worker.on('message', (reply: ConversionReply) => this.finish(reply));
    worker.on('error', (error) => crashed(error.message));
    worker.on('exit', (code) => crashed(`exit code ${code}`));
    return worker;
  }

  /** Nothing to convert: the thread no longer keeps the process alive, and is stopped unless work comes soon. */
  private idle(): void {
    if (!this.worker) return;
    this.worker.unref();
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => this.stopWorker(), this.idleMs);
    this.idleTimer.unref();
  }

  private stopWorker(): void {
    clearTimeout(this.idleTimer);
    const worker = this.worker;
    this.worker = null;
    void worker?.terminate();
  }
}

/** A buffer holding exactly the bytes, that may be transferred: the bytes' own when it is theirs alone, else a copy. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const { buffer } = bytes;
  if (buffer instanceof ArrayBuffer && bytes.byteOffset === 0 && bytes.byteLength === buffer.byteLength) return buffer;
  return bytes.slice().buffer;
}

/**
 * conversionWorker beside this module: out/main/conversionWorker.js in the built app (its own
 * entry in electron.vite.config.ts), main/conversion/conversionWorker.ts when main/ runs from
 * source (the Node host under tsx, Vitest).
 */
function conversionWorkerScript(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), `conversionWorker${extname(here)}`);
}

/** A TypeScript module's thread registers tsx's loader before importing it (Node 20 passes no --import on to a worker). */
function startWorker(script: string): Worker {
  if (extname(script) !== '.ts') return new Worker(script, { resourceLimits: LIMITS });
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  const source = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`;
  return new Worker(source, { eval: true, resourceLimits: LIMITS });
}
