import { describe, expect, it } from 'vitest';
import { blockIndexAt, groupSections, layoutBlocks } from './blocks';

describe('layoutBlocks', () => {
  it('keeps blank lines as empty blocks and offsets consistent with the text', () => {
    const text = 'Title\n\nالتحالف الدولي 🙂\ne\u0301 end';
    const { starts, lines } = layoutBlocks(text);
    expect(lines).toEqual(['Title', '', 'التحالف الدولي 🙂', 'e\u0301 end']);
    lines.forEach((line, i) => expect(text.slice(starts[i], starts[i]! + line.length)).toBe(line));
  });

  it('finds the block of an offset', () => {
    const { starts } = layoutBlocks('ab\n\ncd');
    expect([0, 1, 2, 3, 4, 5, 6].map((o) => blockIndexAt(starts, o))).toEqual([0, 0, 0, 1, 2, 2, 2]);
  });
});

describe('groupSections', () => {
  it('closes a section at the character or block limit and covers every block once', () => {
    const lines = ['a'.repeat(9), 'b', '', 'c'.repeat(20), 'd', 'e', 'f'];
    // limits: 10 characters (line breaks count) or 3 blocks
    expect(groupSections(lines, 10, 3)).toEqual([0, 1, 4]);
    expect(groupSections([], 10, 3)).toEqual([]);
    expect(groupSections(['x'], 10, 3)).toEqual([0]);
  });
});
