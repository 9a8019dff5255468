import { describe, expect, it } from 'vitest';
import { initialChoices, panelSizes, SPLITTER_WIDTH, TEXT_MIN, type PanelChoices } from './panelLayout';

const textWidth = (choices: PanelChoices, windowWidth: number) => {
  const s = panelSizes(choices, windowWidth);
  const splitters = (['documents', 'coding'] as const).filter((n) => !s[n].collapsed).length * SPLITTER_WIDTH;
  return windowWidth - s.documents.width - s.coding.width - splitters;
};

describe('panelSizes', () => {
  it('gives the chosen widths when the window has room', () => {
    const s = panelSizes(initialChoices(), 1600);
    expect([s.documents.width, s.coding.width]).toEqual([220, 320]);
    expect(s.documents.max).toBe(480);
  });

  it('keeps the text column at TEXT_MIN at 1024 px by squeezing both panels, never under their minimum', () => {
    expect(textWidth(initialChoices(), 1024)).toBeGreaterThanOrEqual(TEXT_MIN);
    const wide: PanelChoices = { documents: { width: 480, collapsed: false }, coding: { width: 640, collapsed: false } };
    expect(textWidth(wide, 1024)).toBeGreaterThanOrEqual(TEXT_MIN);
    const s = panelSizes(wide, 700);
    expect([s.documents.width, s.coding.width]).toEqual([140, 240]); // too narrow: minimums, the text gives way
  });

  it('gives a collapsed panel no width and its room to the other', () => {
    const choices: PanelChoices = { documents: { width: 300, collapsed: true }, coding: { width: 640, collapsed: false } };
    const s = panelSizes(choices, 1200);
    expect(s.documents.width).toBe(0);
    expect(s.coding.width).toBe(1200 - TEXT_MIN - SPLITTER_WIDTH);
    expect(s.coding.max).toBe(s.coding.width);
  });

  it('clamps a stored width out of bounds', () => {
    const odd: PanelChoices = { documents: { width: 5, collapsed: false }, coding: { width: 99999, collapsed: false } };
    const s = panelSizes(odd, 2000);
    expect([s.documents.width, s.coding.width]).toEqual([140, 640]);
  });
});
