import { describe, expect, it } from 'vitest';
import { drawnJoiners, mayHaveLostJoiners, restoreJoiners } from './joiners';

const ZWJ = '\u200D';

describe('joiners pdf.js leaves out', () => {
  it('are looked for only where emoji stand side by side', () => {
    expect(mayHaveLostJoiners('👩👧')).toBe(true);
    expect(mayHaveLostJoiners('🏳\uFE0F🌈')).toBe(true);
    expect(mayHaveLostJoiners(`👩${ZWJ}👧 and 👩 👧, plain text`)).toBe(false);
  });

  it('are read between two emoji only, with their place among the visible glyphs', () => {
    const glyphs = ['a', ' ', '👩', ZWJ, '👧', ' ', 'ب', ZWJ, 'ب', '👩', ZWJ];
    expect(drawnJoiners(glyphs)).toEqual([{ before: '👩', after: '👧', position: 2 }]);
  });

  it('go back at the occurrence nearest their place, each gap once, and never where their pair is not', () => {
    // The page drew "👩👧 then 👩‍👧": the joiner belongs to the second pair.
    const text = '👩👧 then 👩👧';
    const joiners = drawnJoiners(['👩', '👧', 't', 'h', 'e', 'n', '👩', ZWJ, '👧']);
    expect(restoreJoiners(text, joiners)).toBe(`👩👧 then 👩${ZWJ}👧`);
    // A family: two joiners, one after the other.
    const family = drawnJoiners(['👩', ZWJ, '👩', ZWJ, '👧']);
    expect(restoreJoiners('👩👩👧', family)).toBe(`👩${ZWJ}👩${ZWJ}👧`);
    expect(restoreJoiners('no emoji', family)).toBe('no emoji');
  });
});
