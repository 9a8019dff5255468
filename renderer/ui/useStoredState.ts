/**
 * A piece of window state remembered from one use of the app to the next (panel sizes,
 * collapsed branches): kept in localStorage under `key`, checked against `schema` on read,
 * so a value from an older version or a hand edit falls back to `initial` instead of breaking.
 */
import { useCallback, useState } from 'react';
import type { z } from 'zod';

function read<T>(key: string, schema: z.ZodType<T>, initial: T): T {
  try {
    const raw = window.localStorage.getItem(key);
    if (raw === null) return initial;
    const parsed = schema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : initial;
  } catch {
    return initial; // storage disabled or unreadable: the window still works, it just forgets
  }
}

export function useStoredState<T>(key: string, schema: z.ZodType<T>, initial: T): [T, (update: (current: T) => T) => void] {
  const [value, setValue] = useState(() => read(key, schema, initial));
  const update = useCallback(
    (change: (current: T) => T) =>
      setValue((current) => {
        const next = change(current);
        try {
          window.localStorage.setItem(key, JSON.stringify(next));
        } catch {
          // Quota or privacy mode: keep the value for this session only.
        }
        return next;
      }),
    [key],
  );
  return [value, update];
}
