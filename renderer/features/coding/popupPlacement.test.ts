import { describe, expect, it } from 'vitest';
import { MARGIN, MIN_HEIGHT, placePopup, type Placement } from './popupPlacement';

const VIEW = { width: 1280, height: 800 };
const SIZE = { width: 340, height: 400 };

function inside(p: Placement, view = VIEW, width = SIZE.width) {
  expect(p.left).toBeGreaterThanOrEqual(MARGIN);
  expect(p.left + width).toBeLessThanOrEqual(view.width - MARGIN);
  expect(p.top).toBeGreaterThanOrEqual(MARGIN);
  expect(p.top + p.maxHeight).toBeLessThanOrEqual(view.height - MARGIN);
}

describe('placePopup', () => {
  it('goes above a selection low in the window, without covering it', () => {
    const p = placePopup({ left: 100, top: 600, bottom: 620 }, SIZE, VIEW);
    expect(p).toEqual({ left: 100, top: 600 - MARGIN - 400, maxHeight: 400 });
    inside(p);
  });

  it('goes below a selection near the top of the window', () => {
    const p = placePopup({ left: 100, top: 90, bottom: 110 }, SIZE, VIEW);
    expect(p).toEqual({ left: 100, top: 110 + MARGIN, maxHeight: 400 });
    inside(p);
  });

  it('shortens the popup on the roomier side when it fits neither', () => {
    const p = placePopup({ left: 100, top: 300, bottom: 330 }, { width: 340, height: 700 }, VIEW);
    expect(p.top).toBe(330 + MARGIN);
    expect(p.maxHeight).toBe(800 - 330 - 2 * MARGIN);
    inside(p);
    expect(p.top).toBeGreaterThanOrEqual(330); // the selection stays visible
  });

  it('overlaps the selection rather than becoming tiny, and stays in the viewport', () => {
    for (const anchor of [
      { left: 100, top: 100, bottom: 700 }, // a tall passage
      { left: 100, top: -500, bottom: 1400 }, // taller than the window
      { left: 1270, top: 790, bottom: 900 }, // scrolled half out, at the right edge
      { left: -40, top: -60, bottom: -20 }, // scrolled out above
    ]) {
      const p = placePopup(anchor, SIZE, VIEW);
      inside(p);
      expect(p.maxHeight).toBeGreaterThanOrEqual(MIN_HEIGHT);
    }
  });

  it('fits a popup taller than the window into it', () => {
    const p = placePopup({ left: 10, top: 200, bottom: 220 }, { width: 340, height: 2000 }, { width: 800, height: 500 });
    inside(p, { width: 800, height: 500 });
  });
});
