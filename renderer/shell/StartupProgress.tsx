/** Shown while the project is loaded from its file into an empty (or older) database. */
import type { LoadProgress } from '../project/fileSync/startup';

export function StartupProgress({ progress }: { progress: LoadProgress }) {
  const writing = progress.phase === 'writing' && progress.total > 0;
  return (
    <main className="startup">
      <h1>Opening the project from its file…</h1>
      <progress
        aria-label="Loading the project"
        max={writing ? progress.total : undefined}
        value={writing ? progress.done : undefined}
      />
      <p role="status">
        {writing ? `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} rows` : 'Reading the project file…'}
      </p>
    </main>
  );
}
