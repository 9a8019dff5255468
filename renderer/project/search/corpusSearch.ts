/**
 * Search over the whole project, outside React: keeps the search engine's index equal to the
 * documents the analyst can read (corpus and imported ones; added, removed or changed texts
 * follow), reports how far indexing has come, and turns a Search view's scope into what the
 * engine needs (documents in listing order, coded ranges).
 */
import { codesInScope, documentsInScope } from '../../domain/search/documentScope';
import type { KwicSort } from '../../domain/search/kwic';
import type { ParsedQuery, SearchOptions } from '../../domain/search/query';
import type { SearchScopeChoice } from '../../domain/search/savedSearch';
import { readableDocuments, type Corpus, type ReadableDocument } from '../corpus';
import type { ProjectStore } from '../projectStore';
import type { WireScope } from './protocol';
import { codedRanges } from './regions';
import { createSearchClient, type SearchClient } from './searchClient';
import { errorMessage } from '../../../common/errorMessage';

export interface IndexStatus {
  indexed: number;
  total: number;
  building: boolean;
  error: string | null;
}

/** A batch of texts sent to the engine at once: big enough to be cheap, small enough to report progress. */
const BATCH_CHARACTERS = 2_000_000;
/** Texts read from the host at once. */
const PARALLEL_READS = 4;

export class CorpusSearch {
  private status: IndexStatus = { indexed: 0, total: 0, building: false, error: null };
  private readonly listeners = new Set<() => void>();
  /** sha256 of each document the engine holds (or is being given). */
  private readonly indexed = new Map<string, string>();
  private running: Promise<void> | null = null;
  private again = false;
  private started = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly corpus: Corpus,
    private readonly store: ProjectStore,
    readonly client: SearchClient = createSearchClient(),
  ) {}

  /** Starts indexing (once) and follows the document list from then on. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.corpus.load();
    let listing = this.corpus.getSnapshot().corpus;
    let imported = this.store.getSnapshot().documents;
    let info = this.store.getSnapshot().documentInfo;
    const changed = () => {
      const state = this.store.getSnapshot();
      const nowListing = this.corpus.getSnapshot().corpus;
      if (nowListing === listing && state.documents === imported && state.documentInfo === info) return;
      listing = nowListing;
      imported = state.documents;
      info = state.documentInfo;
      void this.sync();
    };
    const offCorpus = this.corpus.subscribe(changed);
    const offStore = this.store.subscribe(changed);
    this.unsubscribe = () => {
      offCorpus();
      offStore();
    };
    void this.sync();
  }

  dispose(): void {
    this.unsubscribe?.();
    this.client.dispose();
  }

  getStatus = (): IndexStatus => this.status;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The documents the analyst can read (removed ones left out), with their attributes, in the Documents list's order. */
  listing(): ReadableDocument[] {
    const state = this.store.getSnapshot();
    return readableDocuments(this.corpus.getSnapshot().corpus, state.documents, state.documentInfo, state.attributes);
  }

  /** Resolves once every listed document is indexed (starting if nobody has). */
  async whenIndexed(): Promise<void> {
    this.start();
    if (this.corpus.getSnapshot().loading) {
      await new Promise<void>((resolve) => {
        const off = this.corpus.subscribe(() => {
          if (this.corpus.getSnapshot().loading) return;
          off();
          resolve();
        });
      });
    }
    while (this.running) await this.running;
  }

  async search(query: ParsedQuery, options: SearchOptions, scope: SearchScopeChoice, rows: number, sort: KwicSort) {
    await this.whenIndexed();
    return this.client.request({ method: 'search', query, options, scope: await this.wireScope(scope), rows, sort });
  }

  async frequencies(scope: SearchScopeChoice, stopWords: ReadonlySet<string>, limit: number) {
    await this.whenIndexed();
    return (await this.client.request({ method: 'frequencies', scope: await this.wireScope(scope), stopWords: [...stopWords], limit })).table;
  }

  /** The engine's form of a scope: documents in listing order, and coded ranges when the text is bounded by a code. */
  async wireScope(scope: SearchScopeChoice): Promise<WireScope> {
    const listing = this.listing();
    const documents = documentsInScope(listing, scope.documents);
    const state = this.store.getSnapshot();
    const codeIds = codesInScope(state.codes, scope.text);
    if (!codeIds || scope.text.kind === 'anywhere') return { documents, regions: null };
    await this.store.whenLoaded();
    const hashes = new Map(listing.map((d) => [d.id, d.sha256]));
    const ranges = await codedRanges(documents, codeIds, {
      segments: this.store.getSnapshot().segments,
      placements: this.store.placements,
      loadText: (id) => this.corpus.textOf(id, this.store.getSnapshot().documents),
      hashOf: (id) => hashes.get(id),
    });
    return { documents, regions: { mode: scope.text.kind, ranges } };
  }

  private sync(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        try {
          await this.syncOnce();
        } catch (err) {
          this.update({ error: `Search could not index the documents: ${errorMessage(err)}` });
        }
      } while (this.again);
      this.update({ building: false });
      this.running = null;
    })();
    return this.running;
  }

  private async syncOnce(): Promise<void> {
    const listing = this.listing();
    const wanted = new Map(listing.map((d) => [d.id, d.sha256]));
    const gone = [...this.indexed.keys()].filter((id) => wanted.get(id) !== this.indexed.get(id));
    if (gone.length) {
      for (const id of gone) this.indexed.delete(id);
      await this.client.request({ method: 'remove', ids: gone });
    }
    const missing = listing.filter((d) => !this.indexed.has(d.id));
    this.update({ total: wanted.size, indexed: this.indexed.size, building: missing.length > 0, error: null });
    let batch: Array<{ id: string; text: string; sha256: string }> = [];
    let characters = 0;
    const flush = async () => {
      if (!batch.length) return;
      const sending = batch;
      batch = [];
      characters = 0;
      await this.client.request({ method: 'add', documents: sending.map(({ id, text }) => ({ id, text })) });
      for (const d of sending) this.indexed.set(d.id, d.sha256);
      this.update({ indexed: this.indexed.size });
    };
    const unreadable: string[] = [];
    for (let i = 0; i < missing.length; i += PARALLEL_READS) {
      const group = missing.slice(i, i + PARALLEL_READS);
      const texts = await Promise.all(group.map((d) => this.corpus.textOf(d.id, this.store.getSnapshot().documents).catch(() => null)));
      group.forEach((d, k) => {
        const text = texts[k];
        if (text === null || text === undefined) return void unreadable.push(d.title);
        batch.push({ id: d.id, text, sha256: d.sha256 });
        characters += text.length;
      });
      if (characters >= BATCH_CHARACTERS) await flush();
    }
    await flush();
    if (missing.length || gone.length) await this.client.request({ method: 'prepare' });
    if (unreadable.length) this.update({ error: `${unreadable.length} document(s) could not be read and are not searched: ${unreadable.slice(0, 3).join('; ')}${unreadable.length > 3 ? ' …' : ''}` });
  }

  private update(partial: Partial<IndexStatus>): void {
    this.status = { ...this.status, ...partial };
    for (const l of this.listeners) l();
  }
}

/** One search per corpus (the window has one): the Search view, reopened, finds its index built. */
const instances = new WeakMap<Corpus, CorpusSearch>();

export function corpusSearchFor(corpus: Corpus, store: ProjectStore): CorpusSearch {
  let search = instances.get(corpus);
  if (!search) instances.set(corpus, (search = new CorpusSearch(corpus, store)));
  return search;
}
