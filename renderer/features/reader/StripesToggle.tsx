/** The document header's switch for margin coding stripes, remembered from one use of the app to the next. */
import { useCallback, useState } from 'react';

const KEY = 'marginalia.codingStripes';

/** On unless the analyst turned them off. */
export function useStripesSetting(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => readSetting() !== 'off');
  const set = useCallback((next: boolean) => {
    setOn(next);
    try {
      localStorage.setItem(KEY, next ? 'on' : 'off');
    } catch {
      // Storage refused (private mode, quota): the switch still works for this session.
    }
  }, []);
  return [on, set];
}

function readSetting(): string | null {
  try {
    return localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function StripesToggle({ on, onChange }: { on: boolean; onChange: (on: boolean) => void }) {
  return (
    <label className="stripes-toggle">
      <input type="checkbox" checked={on} onChange={(e) => onChange(e.target.checked)} />
      Coding stripes
    </label>
  );
}
