import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it("says a validation failure's issues as a readable list, never as raw JSON", () => {
    const schema = z.object({ tables: z.object({ savedSearches: z.array(z.string()), codes: z.array(z.object({ name: z.string() })) }) });
    const failure = schema.safeParse({ tables: { codes: [{ name: 'a' }, { name: 7 }] } });
    expect(failure.success).toBe(false);
    const message = errorMessage(failure.error);
    expect(message).toBe('tables.savedSearches: expected array, received undefined; tables.codes[1].name: expected string, received number');
    expect(message).not.toMatch(/[{"]/);
  });

  it('counts the issues past the fifth', () => {
    const failure = z.array(z.number()).safeParse(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(errorMessage(failure.error)).toMatch(/^\[0\]: expected number, received string; .*\[4\]: expected number, received string; and 2 more problems$/);
  });

  it("keeps an Error's message and turns anything else into text", () => {
    expect(errorMessage(new Error('disk full'))).toBe('disk full');
    expect(errorMessage('plain')).toBe('plain');
    expect(errorMessage(42)).toBe('42');
  });
});
