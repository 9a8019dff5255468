/**
 * The reader when no document is open. A project without documents says what to do next, with
 * the button to do it (as Taguette and QualCoder greet a new project); otherwise it points to the list.
 */
import { requestAddDocuments } from '../features/documents/useAddDocuments';
import type { CorpusState } from '../ui/useCorpus';
import './noDocumentOpen.css';

export function NoDocumentOpen({ corpus }: { corpus: CorpusState }) {
  const empty = corpus.documents.length === 0 && corpus.unavailable.length === 0;
  if (!empty) return <p className="no-document-open">No document is open: choose one from the Documents list.</p>;
  return (
    <section className="empty-project" aria-labelledby="empty-project-title">
      <h2 id="empty-project-title">This project has no documents yet</h2>
      <p>Add the texts you want to code: plain text, Markdown, HTML, Word or PDF files. You can also drop files on the Documents list.</p>
      <button type="button" className="primary" onClick={requestAddDocuments}>
        Add documents…
      </button>
    </section>
  );
}
