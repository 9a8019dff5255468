/**
 * A corpus being read, so a host can open its window (or start its server) first and answer for
 * the corpus as it comes: `loaded` when everything is read, `name` as soon as the folder's
 * manifest (or its name) is known, and `progress()` for the window's "Reading the corpus…".
 * Converting 200 Word files and a 300-page PDF takes seconds; nothing waits for it that need not.
 */
import type { CorpusProgress } from '../../common/contract';
import { loadCorpus } from './loadCorpus';
import type { LoadedCorpus, LoadOptions, LoadProgress } from './loadCorpus';

export class CorpusLoad {
  /** Everything read; rejects only on an unexpected failure (bad files are issues in the listing). */
  readonly loaded: Promise<LoadedCorpus>;
  /** The corpus's name (the manifest's, else the folder's), known before its documents are read. */
  readonly name: Promise<string>;
  private current: CorpusProgress = { state: 'reading', name: null, done: 0, total: null };
  private readonly stopper = new AbortController();

  private constructor(read: (onProgress: (progress: LoadProgress) => void, signal: AbortSignal) => Promise<LoadedCorpus>) {
    let named: (name: string) => void = () => undefined;
    this.name = new Promise((resolve) => (named = resolve));
    this.loaded = read((progress) => {
      this.current = { state: 'reading', ...progress };
      named(progress.name);
    }, this.stopper.signal);
    this.loaded.then(
      (corpus) => {
        this.current = { state: 'ready' };
        named(corpus.listing.name);
      },
      () => {
        // listDocuments reports why; the name falls back so a new project can still be made.
        this.current = { state: 'ready' };
        named('');
      },
    );
  }

  /** Starts reading a corpus folder (loadCorpus.ts); its documents once `readAfter` settles. */
  static start(folder: string, options: Omit<LoadOptions, 'onProgress'> = {}): CorpusLoad {
    return new CorpusLoad((onProgress, signal) => loadCorpus(folder, { ...options, onProgress, signal }));
  }

  /** A corpus already in memory (tests, a project without documents). */
  static of(corpus: LoadedCorpus): CorpusLoad {
    const load = new CorpusLoad(() => Promise.resolve(corpus));
    load.current = { state: 'ready' };
    return load;
  }

  /** Stops reading (its project was closed): whoever still waits for `loaded` is told so. */
  stop(): void {
    this.stopper.abort(new Error('reading the corpus stopped: its project was closed'));
  }

  progress(): CorpusProgress {
    return this.current;
  }
}
