/**
 * The main window's size and position, remembered between runs in a small JSON file in the
 * user-data folder. The file is validated (zod) and any problem means "use the defaults": a
 * window is never placed from a damaged file, nor on a display that is no longer there.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

export const WINDOW_STATE_FILE = 'window-state.json';
export const MIN_WIDTH = 720;
export const MIN_HEIGHT = 480;
/** How much of the window's top edge must lie on a display for the analyst to grab it. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 40;

const Coordinate = z.number().int().min(-100_000).max(100_000);
export const WindowStateSchema = z
  .object({
    version: z.literal(1),
    x: Coordinate,
    y: Coordinate,
    width: z.number().int().min(MIN_WIDTH).max(100_000),
    height: z.number().int().min(MIN_HEIGHT).max(100_000),
    maximized: z.boolean(),
  })
  .strict();
export type WindowState = z.infer<typeof WindowStateSchema>;

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** null when there is no file or it is not a valid state (then the defaults apply). */
export async function readWindowState(file: string): Promise<WindowState | null> {
  try {
    const parsed = WindowStateSchema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Synchronous on purpose: it runs as the window closes, and the app may quit right after —
 * pending asynchronous writes would be cut off. Written beside and renamed, so a crash never
 * leaves half a file (which would only mean defaults, but still).
 */
export function writeWindowState(file: string, state: WindowState): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${JSON.stringify(WindowStateSchema.parse(state), null, 2)}\n`, 'utf8');
  renameSync(temp, file);
}

/** Electron gives fractional bounds on scaled displays; the file keeps whole pixels. */
export function windowStateFrom(bounds: Rectangle, maximized: boolean): WindowState | null {
  const parsed = WindowStateSchema.safeParse({
    version: 1,
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized,
  });
  return parsed.success ? parsed.data : null;
}

/**
 * Where to put the window: the saved bounds when the top edge (the title bar) lies on one of
 * today's displays' work areas, shrunk to fit that display; null (centre, default size) when it
 * lies on none — e.g. the second monitor it was on has been unplugged.
 */
export function restorableBounds(state: WindowState, workAreas: readonly Rectangle[]): Rectangle | null {
  for (const area of workAreas) {
    const overlap = Math.min(state.x + state.width, area.x + area.width) - Math.max(state.x, area.x);
    const topOnArea = state.y >= area.y && state.y + GRAB_HEIGHT <= area.y + area.height;
    if (overlap >= GRAB_WIDTH && topOnArea) {
      return { x: state.x, y: state.y, width: Math.min(state.width, area.width), height: Math.min(state.height, area.height) };
    }
  }
  return null;
}
