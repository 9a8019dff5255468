/** What start-up found about the project file (a damaged journal tail, work kept as a recovered project …), until dismissed. */
import { useState } from 'react';
import { useServices } from '../ui/ProjectContext';

export function StartNotices() {
  const { startNotices } = useServices();
  const [shown, setShown] = useState(startNotices.length > 0);
  if (!shown) return null;
  return (
    <section className="start-notices" aria-label="About the project file">
      <ul>
        {startNotices.map((notice) => (
          <li key={notice}>{notice}</li>
        ))}
      </ul>
      <button type="button" onClick={() => setShown(false)}>
        Dismiss
      </button>
    </section>
  );
}
