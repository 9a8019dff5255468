import { describe, expect, it } from 'vitest';
import { defaultCodebook } from './defaultCodebook';
import { CodeSchema } from './model';
import { PALETTE } from './palette';

describe('defaultCodebook', () => {
  const ctx = () => {
    let n = 0;
    return { now: '2025-01-01T00:00:00.000Z', newId: () => `c${++n}` };
  };

  it('holds the five Coalition working groups with shortcuts 1–5 and distinct palette colours', () => {
    const codes = defaultCodebook(ctx());
    expect(codes.map((c) => c.name)).toEqual(['FTF', 'Stabilization', 'Counter-financing', 'Communications', 'Political-military']);
    expect(codes.map((c) => c.shortcut)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(codes.map((c) => c.colour)).size).toBe(5);
    for (const code of codes) {
      expect(CodeSchema.parse(code)).toEqual(code);
      expect(PALETTE).toContain(code.colour);
      expect(code.parentId).toBeNull();
      expect(code.description.length).toBeGreaterThan(10);
      expect(code.description).not.toContain('\n');
    }
    expect(codes.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
    expect(codes[0]!.description).toMatch(/foreign terrorist fighters/i);
    expect(codes[3]!.description).toMatch(/counter-messaging/i);
    expect(codes[4]!.description).toMatch(/military campaign/i);
  });
});
