/**
 * The project's analysis, outside React: mirrors the project into the analysis engine (in a
 * worker) as it changes — the codebook, the listed documents and, one document at a time, the
 * segments a change touched — reads every text once for its profile, and answers questions.
 * Listeners hear of every change, so open views ask again and stay live while the analyst codes.
 *
 * Segments are analysed where they stand in their document's current text: a document whose
 * text changed since it was coded is read and its segments placed (the project's placements,
 * the cache exports and search use); segments that cannot be placed are left out and counted.
 */
import { flattenTree } from '../../domain/codeTree';
import { toAnalysisSegment, type AnalysisDocument, type AnalysisSegment } from '../../domain/analysis/input';
import { needsLines } from '../../domain/analysis/query';
import type { AnalysisRequest, AnswerOf } from '../../domain/analysis/requests';
import type { Code, Segment } from '../../domain/model';
import { readableDocuments, type Corpus } from '../corpus';
import type { ProjectStore } from '../projectStore';
import { analysisDocuments } from './analysisDocuments';
import { InlineHost, startEngine, type EngineHost } from './engineHost';
import type { FromEngine } from './protocol';

/** Converting and posting segments on the main thread takes at most this long before yielding a frame. */
const SLICE_MS = 8;
/** While texts are read, listeners hear of new profiles at most this often. */
const PROFILE_NOTICE_MS = 750;
const TEXTS_AT_ONCE = 2;

export interface AnalysisStatus {
  /** Bumped whenever the data behind the answers changed. */
  version: number;
  /** Texts read for their profile, of all listed documents. */
  textsRead: number;
  textsTotal: number;
  /** Segments left out because they could not be found in their document's current text. */
  unplaced: number;
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class AnalysisService {
  private host: EngineHost;
  private sentCodes: readonly Code[] | null = null;
  private sentListing = '';
  /** Per document, the stored segments last posted, the text hash they were placed for, and how many could not be. */
  private readonly sent = new Map<string, { segments: readonly Segment[]; hash: string; unplaced: number }>();
  private listing: AnalysisDocument[] = [];
  /** sha256 of each listed document's current text. */
  private hashes = new Map<string, string>();
  /** What the listing was built from, compared by identity. */
  private listedFrom: readonly unknown[] = [];
  private readonly pending = new Map<number, { resolve: (a: never) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  private status: AnalysisStatus = { version: 0, textsRead: 0, textsTotal: 0, unplaced: 0 };
  private readonly listeners = new Set<() => void>();
  /** The sync under way (large changes are posted over several frames); questions wait for it. */
  private syncing: Promise<void> = Promise.resolve();
  private syncAgain = false;
  private readonly profiled = new Set<string>();
  /** Listed documents whose text could not be read, not tried again until the listing changes. */
  private unreadable = new Set<string>();
  /** Once a view wants the texts, every listed document is read, including those listed later. */
  private textsWanted = false;
  private profiling: Promise<void> | null = null;
  private lastProfileNotice = 0;
  private readonly unsubscribe: Array<() => void> = [];

  constructor(
    private readonly store: ProjectStore,
    private readonly corpus: Corpus,
    /** A corpus document's text (imported ones carry theirs). */
    private readonly readText: (documentId: string) => Promise<string>,
  ) {
    this.host = this.connect(startEngine());
    this.unsubscribe.push(store.subscribe(() => this.requestSync()), corpus.subscribe(() => this.requestSync()));
    this.requestSync();
  }

  getStatus = (): AnalysisStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Answers a question on the project as it is now (all segments read, every change posted). */
  async ask<R extends AnalysisRequest>(request: R): Promise<AnswerOf<R>> {
    await this.store.whenLoaded();
    await this.syncing;
    const paragraphs = (request.kind === 'query' && needsLines(request.query)) || (request.kind === 'cooccurrence' && request.within === 'paragraph');
    if (paragraphs) await this.readTexts();
    const id = this.nextId++;
    const started = performance.now();
    const answer = await new Promise<AnswerOf<R>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (a: never) => void, reject });
      this.host.send({ type: 'ask', id, request });
    });
    // For the benchmark and the performance panel: the round trip, and the engine's own time.
    performance.measure(`analysis:${request.kind}`, { start: started, detail: { computeMs: answer.computeMs } });
    return answer;
  }

  /**
   * Reads every listed document's text once (for words and paragraphs); resolves when all
   * listed now are read. From then on, documents listed later (the corpus arriving after the
   * panel opened, documents added) are read as they are listed.
   */
  readTexts(): Promise<void> {
    this.textsWanted = true;
    return this.profile();
  }

  dispose(): void {
    for (const u of this.unsubscribe) u();
    this.host.dispose();
    for (const p of this.pending.values()) p.reject(new Error('Analysis closed.'));
    this.pending.clear();
  }

  private connect(host: EngineHost): EngineHost {
    host.onReply = (reply) => this.onReply(reply);
    return host;
  }

  private onReply(reply: FromEngine | null): void {
    if (!reply) {
      // The worker died: start again inline and post everything anew; questions under way are asked again by their views.
      this.host = this.connect(new InlineHost());
      this.sentCodes = null;
      this.sentListing = '';
      this.listedFrom = [];
      this.sent.clear();
      this.profiled.clear();
      for (const p of this.pending.values()) p.reject(new Error('The analysis stopped; it was started again.'));
      this.pending.clear();
      this.requestSync();
      return;
    }
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if (!waiting) return;
    if (reply.type === 'answer') waiting.resolve(reply.answer as never);
    else waiting.reject(new Error(reply.message));
  }

  private requestSync(): void {
    if (this.syncAgain) return;
    this.syncAgain = true;
    this.syncing = this.syncing.then(() => {
      this.syncAgain = false;
      return this.sync();
    });
  }

  /** Posts what changed since the last sync; a big change (the first one) in slices of SLICE_MS. */
  private async sync(): Promise<void> {
    const snapshot = this.store.getSnapshot();
    let changed = false;
    if (snapshot.codes !== this.sentCodes) {
      this.sentCodes = snapshot.codes;
      this.host.send({ type: 'codes', codes: flattenTree(snapshot.codes).map(({ code }) => ({ id: code.id, parentId: code.parentId })) });
      changed = true;
    }
    // The listing is rebuilt only when what it is made of changed (a coding changes none of it).
    const sources = [this.corpus.getSnapshot().corpus, snapshot.documents, snapshot.documentInfo, snapshot.attributes] as const;
    if (sources.some((x, i) => x !== this.listedFrom[i])) {
      this.listedFrom = sources;
      const readable = readableDocuments(...sources);
      this.hashes = new Map(readable.map((d) => [d.id, d.sha256]));
      const listing = analysisDocuments(readable);
      const listingKey = JSON.stringify(listing);
      if (listingKey !== this.sentListing) {
        this.sentListing = listingKey;
        this.listing = listing;
        this.host.send({ type: 'documents', documents: listing });
        this.unreadable = new Set();
        this.status = { ...this.status, textsTotal: listing.length, textsRead: this.countRead() };
        changed = true;
        // Not awaited: reading waits for this sync to end, and answers must not wait for the texts.
        if (this.textsWanted) void this.profile();
      }
    }
    const listing = this.listing;
    const stale = listing.filter((d) => {
      const sent = this.sent.get(d.id);
      return snapshot.segments.inDocument(d.id) !== (sent?.segments ?? null) || this.hashes.get(d.id) !== sent?.hash;
    });
    let sliceStart = performance.now();
    let batch: Array<{ documentId: string; segments: AnalysisSegment[] }> = [];
    for (const d of stale) {
      const stored = snapshot.segments.inDocument(d.id);
      const hash = this.hashes.get(d.id) ?? '';
      const { segments, unplaced } = await this.placed(d, stored, hash);
      this.sent.set(d.id, { segments: stored, hash, unplaced });
      batch.push({ documentId: d.id, segments: segments.map(toAnalysisSegment) });
      if (performance.now() - sliceStart > SLICE_MS) {
        this.host.send({ type: 'segments', batch });
        batch = [];
        await nextFrame();
        sliceStart = performance.now();
      }
    }
    if (batch.length) this.host.send({ type: 'segments', batch });
    if (changed || stale.length) {
      let unplaced = 0;
      for (const d of listing) unplaced += this.sent.get(d.id)?.unplaced ?? 0;
      performance.mark('analysis:changed', { detail: this.status.version + 1 });
      this.notify({ version: this.status.version + 1, unplaced });
    }
  }

  /**
   * A document's segments where they stand in its current text. Segments coded in this very
   * text stand where they were stored; otherwise the text is read and they are placed (as
   * exports place them), and those that cannot be are left out.
   */
  private async placed(d: AnalysisDocument, stored: readonly Segment[], hash: string): Promise<{ segments: readonly Segment[]; unplaced: number }> {
    if (stored.every((s) => s.documentHash === hash)) return { segments: stored, unplaced: 0 };
    let text: string;
    try {
      text = await this.corpus.textOf(d.id, this.store.getSnapshot().documents);
    } catch (err) {
      console.error(`Analysis could not read “${d.title}”; its segments are counted where they were coded`, err);
      return { segments: stored, unplaced: 0 };
    }
    if (!this.profiled.has(d.id)) {
      // Read anyway: its profile comes with it.
      this.host.send({ type: 'text', documentId: d.id, text });
      this.profiled.add(d.id);
    }
    const placement = this.store.placements.place(d.id, stored, text, hash);
    return { segments: placement.placed, unplaced: placement.unplaced.length };
  }

  /** Reads the listed texts not read yet, once the listing is current; reads again if more were listed meanwhile. */
  private profile(): Promise<void> {
    this.profiling ??= (async () => {
      await this.store.whenLoaded();
      await this.syncing;
      await this.profileAll();
    })().finally(() => {
      this.profiling = null;
      if (this.textsWanted && this.toRead().length) void this.profile();
    });
    return this.profiling;
  }

  private toRead(): AnalysisDocument[] {
    return this.listing.filter((d) => !this.profiled.has(d.id) && !this.unreadable.has(d.id));
  }

  private countRead(): number {
    return this.listing.filter((d) => this.profiled.has(d.id)).length;
  }

  private async profileAll(): Promise<void> {
    const queue = this.toRead();
    const work = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        await this.quiet();
        const imported = this.store.getSnapshot().documents.find((x) => x.id === d!.id);
        try {
          const text = imported ? imported.text : await this.readText(d.id);
          this.host.send({ type: 'text', documentId: d.id, text });
          this.profiled.add(d.id);
        } catch (err) {
          this.unreadable.add(d.id);
          console.error(`Analysis could not read “${d.title}”`, err);
        }
        const read = this.countRead();
        const now = performance.now();
        // Progress is news for the status line only; answers change (words, shares) once all are read.
        if (now - this.lastProfileNotice > PROFILE_NOTICE_MS) {
          this.lastProfileNotice = now;
          this.notify({ textsRead: read });
        } else this.status = { ...this.status, textsRead: read };
      }
    };
    if (!queue.length) return;
    await Promise.all(Array.from({ length: TEXTS_AT_ONCE }, work));
    this.notify({ version: this.status.version + 1, textsRead: this.countRead() });
  }

  /**
   * Resolves when no question waits for an answer and the window is idle: reading a thousand
   * texts must not hold up the answers a coding asks for, nor the frames of the analyst's work.
   */
  private quiet(): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (this.pending.size > 0) setTimeout(check, 50);
        else if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: 1000 });
        else setTimeout(resolve, 0);
      };
      check();
    });
  }

  private notify(partial: Partial<AnalysisStatus>): void {
    this.status = { ...this.status, ...partial };
    for (const l of this.listeners) l();
  }
}
