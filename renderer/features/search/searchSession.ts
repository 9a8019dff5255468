/**
 * The Search view's state, kept outside React so it outlives the view: open a hit, read and
 * code it, come back (Ctrl/Cmd+Shift+F or the header button) to the same query and results.
 * Queries run as the analyst types, the latest winning: while one runs, only the newest of
 * those typed meanwhile runs next.
 */
import { DEFAULT_KWIC_SORT, type KwicSort } from '../../domain/search/kwic';
import { DEFAULT_SEARCH_OPTIONS, parseQuery, type SearchOptions } from '../../domain/search/query';
import { WHOLE_CORPUS, type SearchScopeChoice } from '../../domain/search/savedSearch';
import type { CorpusSearch } from '../../project/search/corpusSearch';
import type { SearchSummary } from '../../project/search/protocol';
import { errorMessage } from '../../../common/errorMessage';

/** Rows the first answer carries: enough to fill the list at once. */
export const FIRST_ROWS = 100;

export interface SessionState {
  query: string;
  options: SearchOptions;
  scope: SearchScopeChoice;
  sort: KwicSort;
  tab: 'hits' | 'words';
  result: SearchSummary | null;
  /** The query and options `result` answers. */
  answered: { query: string; options: SearchOptions; scope: SearchScopeChoice } | null;
  /** The sort the result's first rows came in. */
  answeredSort: KwicSort;
  /** Hit numbers left out of "Code all hits" and the export. */
  excluded: ReadonlySet<number>;
  running: boolean;
  message: string | null;
}

interface Run {
  query: string;
  options: SearchOptions;
  scope: SearchScopeChoice;
  sort: KwicSort;
}

export class SearchSession {
  private state: SessionState = {
    query: '',
    options: DEFAULT_SEARCH_OPTIONS,
    scope: WHOLE_CORPUS,
    sort: DEFAULT_KWIC_SORT,
    tab: 'hits',
    result: null,
    answered: null,
    answeredSort: DEFAULT_KWIC_SORT,
    excluded: new Set(),
    running: false,
    message: null,
  };
  private readonly listeners = new Set<() => void>();
  private busy = false;
  private next: Run | null = null;
  /** Counts runs asked for: an answer is shown only if no run was asked for since (an emptied field included). */
  private asked = 0;

  constructor(readonly search: CorpusSearch) {}

  getState = (): SessionState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(partial: Partial<Pick<SessionState, 'query' | 'options' | 'scope' | 'tab'>>): void {
    this.update(partial);
    if ('query' in partial || 'options' in partial || 'scope' in partial) this.run();
  }

  setSort(sort: KwicSort): void {
    this.update({ sort });
  }

  setExcluded(excluded: ReadonlySet<number>): void {
    this.update({ excluded });
  }

  /** Runs the current query (again, e.g. after the documents changed). */
  run(): void {
    this.asked++;
    const { query, options, scope, sort } = this.state;
    const parsed = parseQuery(query, options);
    if (!parsed.ok) {
      this.next = null;
      this.update({ result: null, answered: null, excluded: new Set(), message: query.trim() ? parsed.message : null });
      return;
    }
    this.next = { query, options, scope, sort };
    if (!this.busy) void this.drain();
  }

  private async drain(): Promise<void> {
    this.busy = true;
    this.update({ running: true });
    while (this.next) {
      const run = this.next;
      this.next = null;
      const asked = this.asked;
      const parsed = parseQuery(run.query, run.options);
      if (!parsed.ok) continue;
      try {
        const result = await this.search.search(parsed.query, run.options, run.scope, FIRST_ROWS, run.sort);
        if (asked === this.asked) this.update({ result, answered: { query: run.query, options: run.options, scope: run.scope }, answeredSort: run.sort, excluded: new Set(), message: null });
      } catch (err) {
        if (asked === this.asked) this.update({ result: null, answered: null, message: errorMessage(err) });
      }
    }
    this.busy = false;
    this.update({ running: false });
  }

  private update(partial: Partial<SessionState>): void {
    this.state = { ...this.state, ...partial };
    for (const l of this.listeners) l();
  }
}

const sessions = new WeakMap<CorpusSearch, SearchSession>();

export function sessionFor(search: CorpusSearch): SearchSession {
  let session = sessions.get(search);
  if (!session) sessions.set(search, (session = new SearchSession(search)));
  return session;
}
