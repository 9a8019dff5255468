/** Problems found while loading the corpus: every file named, with what is wrong. */
import type { CorpusIssue } from '../../common/contract';

export function CorpusIssues({ issues, loadError }: { issues: readonly CorpusIssue[]; loadError: string | null }) {
  if (!loadError && issues.length === 0) return null;
  return (
    <section aria-label="Corpus problems" className="corpus-issues">
      <h2 className="pane-title">Corpus problems</h2>
      {loadError && <p role="alert">{loadError}</p>}
      <ul>
        {issues.map((i, n) => (
          <li key={n}>
            <strong>{i.file}</strong>: {i.message}
          </li>
        ))}
      </ul>
    </section>
  );
}
