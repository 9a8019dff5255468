import { describe, expect, it } from 'vitest';
import { convertSource } from '../../renderer/formats/refiQda/sourceText';
import { normaliseText } from './normalise';

describe('normaliseText (the one rule behind every offset)', () => {
  const raw = '\uFEFFCafe\u0301 🙂\r\nالتحالف\rend\n';
  it('strips the BOM, turns CRLF and CR into LF, composes to NFC', () => {
    expect(normaliseText(raw)).toBe('Café 🙂\nالتحالف\nend\n');
    expect(normaliseText('a\uFEFFb')).toBe('a\uFEFFb');
  });
  it('is what REFI-QDA import produces step by step', () => {
    expect(convertSource(raw, []).text).toBe(normaliseText(raw));
  });
});
