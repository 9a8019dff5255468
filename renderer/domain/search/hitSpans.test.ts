import { describe, expect, it } from 'vitest';
import { paragraphOf, sentenceOf, spanForHit } from './hitSpans';

const around = (text: string, word: string, rule: 'sentence' | 'paragraph') => {
  const start = text.indexOf(word);
  const span = (rule === 'sentence' ? sentenceOf : paragraphOf)(text, start, start + word.length);
  return text.slice(span.start, span.end).trim();
};

describe('sentences', () => {
  const text =
    'Foreign Ministers met in Washington at the invitation of U.S. Secretary of State Rex Tillerson. ' +
    'Mr. Smith and Dr. J. Doe spoke (briefly). “They agreed!” Was it approx. five? Yes… It was.\n' +
    'Second paragraph, no full stop';

  it('abbreviations and initials do not end a sentence', () => {
    expect(around(text, 'Tillerson', 'sentence')).toBe('Foreign Ministers met in Washington at the invitation of U.S. Secretary of State Rex Tillerson.');
    expect(around(text, 'Doe', 'sentence')).toBe('Mr. Smith and Dr. J. Doe spoke (briefly).');
  });

  it('ends after closing quotes, at ? ! … and at the end of the line', () => {
    expect(around(text, 'agreed', 'sentence')).toBe('“They agreed!”');
    expect(around(text, 'five', 'sentence')).toBe('Was it approx. five?');
    expect(around(text, 'Yes', 'sentence')).toBe('Yes…');
    expect(around(text, 'It was', 'sentence')).toBe('It was.');
    expect(around(text, 'Second', 'sentence')).toBe('Second paragraph, no full stop');
  });

  it('decimals and Arabic question marks', () => {
    expect(around('It rose 3.5 percent. Then fell.', 'percent', 'sentence')).toBe('It rose 3.5 percent.');
    expect(around('هل انتهى؟ نعم انتهى.', 'نعم', 'sentence')).toBe('نعم انتهى.');
  });

  it('a hit across two sentences gets both', () => {
    const t = 'One two. Three four. Five.';
    const span = sentenceOf(t, t.indexOf('two'), t.indexOf('Three') + 5);
    expect(t.slice(span.start, span.end).trim()).toBe('One two. Three four.');
  });
});

describe('paragraphs and characters around', () => {
  it('a paragraph is the line', () => {
    expect(around('first line\nsecond line here\nthird', 'here', 'paragraph')).toBe('second line here');
    expect(around('only line', 'line', 'paragraph')).toBe('only line');
  });

  it('±N characters are clamped, snapped to whole characters and trimmed', () => {
    const t = '😀 ab FTF cd 😀';
    const hit = { start: t.indexOf('FTF'), end: t.indexOf('FTF') + 3 };
    const three = spanForHit(t, hit, { rule: 'around', around: 3 })!;
    expect(t.slice(three.start, three.end)).toBe('ab FTF cd');
    const five = spanForHit(t, hit, { rule: 'around', around: 5 })!;
    expect(t.slice(five.start, five.end)).toBe('😀 ab FTF cd 😀'); // emoji taken whole, not cut
    const wide = spanForHit(t, hit, { rule: 'around', around: 7 })!;
    expect(t.slice(wide.start, wide.end)).toBe('😀 ab FTF cd 😀');
    expect(spanForHit(t, hit, { rule: 'hit', around: 0 })).toEqual(hit);
  });
});
