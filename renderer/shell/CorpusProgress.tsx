/**
 * Shown in the reader while the host reads its corpus: converting a folder of Word and PDF files
 * takes seconds on a first start. The status line stays put (a screen reader hears it once); the
 * bar and the count move.
 */
import type { CorpusState } from '../ui/useCorpus';

export function CorpusProgress({ progress }: { progress: CorpusState['progress'] }) {
  const counted = progress !== null && progress.total !== null && progress.total > 0;
  return (
    <div className="corpus-progress">
      <p role="status">Reading the corpus…</p>
      <progress aria-label="Reading the corpus" max={counted ? progress.total! : undefined} value={counted ? progress.done : undefined} />
      {counted && (
        <p>
          {progress.done.toLocaleString('en')} of {progress.total!.toLocaleString('en')} documents
        </p>
      )}
    </div>
  );
}
