/**
 * The reader for an imported document whose text the project file lost (documents/<sha256>.txt
 * missing or damaged): what happened and what to do, instead of an empty page. "Check again" asks
 * main whether the text is back (a person put the file back); if it is, the window reloads and the
 * start-up sync loads the document whole.
 */
import { useState } from 'react';
import { errorMessage } from '../../../common/errorMessage';
import type { UnavailableDocument } from '../../ui/useCorpus';
import { useServices } from '../../ui/ProjectContext';

export function UnavailableText({ doc, reload = () => window.location.reload() }: { doc: UnavailableDocument; reload?: () => void }) {
  const { api, projectFile } = useServices();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<string | null>(null);
  const project = projectFile?.getSnapshot().project ?? null;

  async function checkAgain() {
    if (project === null) return;
    setChecking(true);
    setResult(null);
    try {
      const lost = await api.unavailableTexts({ projectId: project.id });
      const still = lost.find((t) => t.sha256 === doc.sha256);
      if (still === undefined) {
        setResult('The text is back: opening it…');
        reload();
      } else setResult(`Still unavailable: ${still.problem}.`);
    } catch (err) {
      setResult(`It could not be checked: ${errorMessage(err)}`);
    } finally {
      setChecking(false);
    }
  }

  return (
    <article className="document document-unavailable" aria-labelledby="unavailable-title">
      <h2 id="unavailable-title">{doc.title}</h2>
      <p>
        <strong>Text unavailable.</strong> The project file cannot give this document’s text: {doc.problem}. Its coded passages and memo are
        kept.
      </p>
      <p>To make it whole, either:</p>
      <ul>
        <li>
          put the original text back in that file{project ? ` in ${project.path}` : ''} (UTF-8, exactly as it was imported), then check again;
        </li>
        <li>add the document again (Add documents…, the same file);</li>
        <li>or open the project in the browser or window it was coded in: one that still holds the text writes it back when it opens.</li>
      </ul>
      {project && (
        <button type="button" onClick={() => void checkAgain()} disabled={checking}>
          Check again
        </button>
      )}
      <p role="status">{result}</p>
    </article>
  );
}
