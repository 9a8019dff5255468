import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readWindowState, restorableBounds, windowStateFrom, writeWindowState } from './windowState';
import type { WindowState } from './windowState';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const monitorOnTheRight = { x: 1440, y: 0, width: 2560, height: 1415 };
const saved: WindowState = { version: 1, x: 100, y: 80, width: 1200, height: 800, maximized: false };

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'marginalia-window-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the window state file', () => {
  it('round-trips through a small JSON file', async () => {
    const file = join(dir, 'window-state.json');
    writeWindowState(file, saved);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(saved);
    expect(await readdir(dir)).toEqual(['window-state.json']);
    expect(await readWindowState(file)).toEqual(saved);
  });

  it('means "defaults" when missing, not JSON, or not a valid state', async () => {
    const file = join(dir, 'window-state.json');
    expect(await readWindowState(file)).toBeNull();
    for (const content of ['{', '[]', 'null', JSON.stringify({ ...saved, version: 2 }), JSON.stringify({ ...saved, width: 10 }), JSON.stringify({ ...saved, x: 1.5 }), JSON.stringify({ ...saved, x: 1e9 }), JSON.stringify({ ...saved, extra: true }), JSON.stringify({ ...saved, maximized: 'yes' })]) {
      await writeFile(file, content);
      expect(await readWindowState(file), content).toBeNull();
    }
  });

  it('keeps whole pixels from fractional bounds, and nothing smaller than the minimum size', () => {
    expect(windowStateFrom({ x: 10.4, y: 20.6, width: 1000.5, height: 700.2 }, true)).toEqual({ version: 1, x: 10, y: 21, width: 1001, height: 700, maximized: true });
    expect(windowStateFrom({ x: 0, y: 0, width: 200, height: 700 }, false)).toBeNull();
  });
});

describe('restorableBounds', () => {
  it('restores a window whose title bar is on a display', () => {
    expect(restorableBounds(saved, [laptop])).toEqual({ x: 100, y: 80, width: 1200, height: 800 });
    const onMonitor = { ...saved, x: 1600, y: 100, width: 2000, height: 1200 };
    expect(restorableBounds(onMonitor, [laptop, monitorOnTheRight])).toEqual({ x: 1600, y: 100, width: 2000, height: 1200 });
  });

  it('does not restore onto a display that is gone, or above or below every display', () => {
    const onMonitor = { ...saved, x: 1600, y: 100 };
    expect(restorableBounds(onMonitor, [laptop])).toBeNull();
    expect(restorableBounds({ ...saved, y: -300 }, [laptop])).toBeNull();
    expect(restorableBounds({ ...saved, y: 860 }, [laptop])).toBeNull();
    expect(restorableBounds(saved, [])).toBeNull();
  });

  it('needs a grabbable part of the top edge on the display, and shrinks a window to fit it', () => {
    // Only 50 px of the window's width is left on the laptop's screen: too little to grab.
    expect(restorableBounds({ ...saved, x: 1390 }, [laptop])).toBeNull();
    expect(restorableBounds({ ...saved, x: 1300 }, [laptop])).toEqual({ x: 1300, y: 80, width: 1200, height: 800 });
    expect(restorableBounds({ ...saved, x: 0, y: 0, width: 2500, height: 1400 }, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 875 });
  });
});
