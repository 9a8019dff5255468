/** The window's theme (it follows the OS), for charts and heat colours drawn in script. */
import { useSyncExternalStore } from 'react';
import type { Theme } from './charts';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(listener: () => void): () => void {
  const media = query();
  media.addEventListener('change', listener);
  return () => media.removeEventListener('change', listener);
}

export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, () => (query().matches ? 'dark' : 'light'));
}
