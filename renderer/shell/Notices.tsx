/** One alert for refusals and failures (with a dismiss button) and a polite status line. */
import { useProject, useServices } from '../ui/ProjectContext';

export function Notices() {
  const { store } = useServices();
  const { error, status } = useProject();
  return (
    <>
      <div role="alert" className={error ? 'notice error' : 'notice'}>
        {error && (
          <>
            <span>{error}</span>
            <button type="button" onClick={() => store.dismissError()} aria-label="Dismiss message">
              ×
            </button>
          </>
        )}
      </div>
      <p role="status" className="status-line">
        {status}
      </p>
    </>
  );
}
