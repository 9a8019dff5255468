/** Segments whose quote can no longer be found in the document: kept, and shown here. */
import type { Segment } from '../../domain/model';

export function UnplacedNotice({ segments }: { segments: readonly Segment[] }) {
  if (segments.length === 0) return null;
  return (
    <details className="unplaced" role="note">
      <summary>
        {segments.length} coded segment{segments.length === 1 ? '' : 's'} could not be placed in the current text
      </summary>
      <p>The document changed since these were coded and their quotes were not found. They are kept, not deleted.</p>
      <ul>
        {segments.map((s) => (
          <li key={s.id}>
            <q>{s.quote}</q>
          </li>
        ))}
      </ul>
    </details>
  );
}
