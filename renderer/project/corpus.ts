/**
 * The documents the analyst can read, outside React: the corpus the host serves (listed once)
 * and the documents that came in through an import (stored in the project). Texts are fetched
 * once and cached, for the reader and for every job that needs them (exports, placements).
 */
import type { CorpusIssue, DocumentSummary, MarginaliaApi } from '../../common/contract';
import type { Attribute, DocumentInfo, ImportedDocument } from '../domain/model';
import { allAttributes, attributeValue } from '../domain/documents/attributes';
import type { ProjectDocument } from '../formats/projectData';

/** One entry of the Documents list: a document's metadata without its text. */
export type ReadableDocument = Omit<ProjectDocument, 'text'> & { origin: 'corpus' | 'imported' };

export interface CorpusListing {
  name: string | null;
  corpus: readonly DocumentSummary[];
  issues: readonly CorpusIssue[];
  loadError: string | null;
  loading: boolean;
  /** While loading, how far the host is in reading its documents (total null until known); null when it has not said. */
  progress: { done: number; total: number | null } | null;
}

/** corpusProgress is optional: without it the window says it is reading, without a count. */
type CorpusApi = Pick<MarginaliaApi, 'listDocuments' | 'getDocument'> & Partial<Pick<MarginaliaApi, 'corpusProgress'>>;

/** How often the host is asked how far it is while the listing waits. */
const PROGRESS_EVERY_MS = 250;

export class Corpus {
  private listing: CorpusListing = { name: null, corpus: [], issues: [], loadError: null, loading: true, progress: null };
  private readonly listeners = new Set<() => void>();
  private readonly texts = new Map<string, Promise<string>>();
  private started = false;

  constructor(private readonly api: CorpusApi) {}

  /**
   * Asks the host for the corpus listing (once). The host answers when it has read the corpus
   * (seconds for a folder of Word and PDF files); meanwhile it is asked how far it is.
   */
  load(): void {
    if (this.started) return;
    this.started = true;
    let waiting = true;
    this.api.listDocuments({}).then(
      (l) => {
        waiting = false;
        this.update({ name: l.name, corpus: l.documents, issues: l.issues, loadError: null, loading: false, progress: null });
      },
      (err: unknown) => {
        waiting = false;
        const loadError = `The corpus could not be loaded: ${err instanceof Error ? err.message : err}`;
        this.update({ ...this.listing, loading: false, progress: null, loadError });
      },
    );
    void this.followProgress(() => waiting);
  }

  getSnapshot = (): CorpusListing => this.listing;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** A corpus document's normalised text; imported documents carry theirs (see textOf). */
  corpusText(id: string): Promise<string> {
    let pending = this.texts.get(id);
    if (!pending) {
      pending = this.api.getDocument({ id }).then((d) => d.text);
      pending.catch(() => this.texts.delete(id)); // let a later attempt retry
      this.texts.set(id, pending);
    }
    return pending;
  }

  /**
   * Any listed document's text: a corpus one from the host, an imported one from its row. The
   * corpus wins when an imported row carries a corpus id (an older database or a backup may
   * hold one): what the reader shows must be what exports place offsets in.
   */
  textOf(id: string, imported: readonly ImportedDocument[]): Promise<string> {
    if (this.listing.corpus.some((d) => d.id === id)) return this.corpusText(id);
    const local = imported.find((d) => d.id === id);
    return local ? Promise.resolve(local.text) : this.corpusText(id);
  }

  /** Shows how far the host is until the listing arrives; a host that cannot say leaves the count out. */
  private async followProgress(waiting: () => boolean): Promise<void> {
    while (waiting()) {
      const progress = await this.api.corpusProgress?.({}).catch(() => null);
      if (!waiting() || !progress || progress.state !== 'reading') return;
      this.update({ ...this.listing, name: progress.name ?? this.listing.name, progress: { done: progress.done, total: progress.total } });
      await new Promise((resolve) => setTimeout(resolve, PROGRESS_EVERY_MS));
    }
  }

  private update(listing: CorpusListing): void {
    this.listing = listing;
    for (const l of this.listeners) l();
  }
}

/**
 * The Documents list: corpus documents first, then imported ones (a corpus id always wins), as
 * the project says they are: renamed, removed ones left out, with every attribute's value.
 */
export function readableDocuments(
  corpus: readonly DocumentSummary[],
  imported: readonly ImportedDocument[],
  documentInfo: readonly DocumentInfo[] = [],
  attributes: readonly Attribute[] = [],
): ReadableDocument[] {
  const listed = corpus.map(({ length: _length, ...d }) => ({ ...d, origin: 'corpus' as const }));
  const corpusIds = new Set(listed.map((d) => d.id));
  const fromImports = imported
    .filter((d) => !corpusIds.has(d.id))
    .map((d) => ({
      id: d.id,
      title: d.title,
      kind: d.kind,
      place: d.place,
      date: d.date,
      sha256: d.sha256,
      ...(d.provenance?.pageStarts ? { pageStarts: d.provenance.pageStarts } : {}),
      origin: 'imported' as const,
    }));
  const infoById = new Map(documentInfo.map((i) => [i.documentId, i]));
  const every = allAttributes(attributes);
  return [...listed, ...fromImports].flatMap((d) => {
    const info = infoById.get(d.id);
    if (info?.removed) return [];
    const values = Object.fromEntries(every.map((a) => [a.id, attributeValue(d, info, a.id)]));
    return [{ ...d, title: info?.title ?? d.title, attributes: values }];
  });
}
