/**
 * Re-anchoring under hostile sizes and loose edits: nothing throws, the work stays bounded, and
 * a quote with a few words changed is still found (a whole coded document with one word
 * edited blanked the app when re-anchoring built one regular expression from every word).
 */
import { describe, expect, it } from 'vitest';
import { placeSegment } from './anchoring';
import { quoteSelector } from './segments';

/** The selector the app stores for [start, end) of `text`. */
const selectorOf = (text: string, start: number, end: number) => ({ start, end, ...quoteSelector(text, start, end) });
const selectorOver = (text: string, quote: string) => {
  const at = text.indexOf(quote);
  if (at < 0) throw new Error(`quote not in text: ${quote}`);
  return selectorOf(text, at, at + quote.length);
};

/** The app's normalisation: BOM stripped, CRLF/CR → LF, NFC. */
const normalise = (raw: string) => raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').normalize('NFC');

/** `words` distinct-looking words in paragraphs of 60. */
function essay(words: number, seed = 'w'): string {
  const paragraphs: string[] = [];
  for (let p = 0; p * 60 < words; p++) {
    const n = Math.min(60, words - p * 60);
    paragraphs.push(Array.from({ length: n }, (_, k) => `${seed}${p * 60 + k}${k % 7 === 0 ? ',' : ''}`).join(' ') + '.');
  }
  return paragraphs.join('\n\n');
}

/** `text` with its one occurrence of `from` replaced (a test whose edit misses would prove nothing). */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`not exactly once in the text: ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const placedText = (text: string, placement: ReturnType<typeof placeSegment>) =>
  placement.status === 'unplaced' ? null : text.slice(placement.start, placement.end);

describe('re-anchoring a whole coded document', () => {
  const text = essay(6_500);
  const whole = selectorOf(text, 0, text.length);

  it('places it after one word changed, over the whole new text', () => {
    const edited = edit(text, ' w3001 ', ' changed ');
    expect(placeSegment(whole, edited)).toEqual({ status: 'moved', start: 0, end: edited.length });
  });

  it('places it after a word was inserted and another dropped', () => {
    const edited = edit(edit(text, ' w1201 ', ' w1201 inserted '), ' w5101 ', ' ');
    expect(placeSegment(whole, edited)).toEqual({ status: 'moved', start: 0, end: edited.length });
  });

  it('places it when its first and last words changed', () => {
    const edited = `First${text.slice(2, -6)}last.`;
    expect(placeSegment(whole, edited)).toEqual({ status: 'moved', start: 0, end: edited.length });
  });

  it('places it after a paragraph was prepended and a word changed', () => {
    const preface = 'A preface written later, with a few words of its own.\n\n';
    const edited = preface + edit(text, ' w41 ', ' forty-one ');
    expect(placeSegment(whole, edited)).toEqual({ status: 'moved', start: preface.length, end: edited.length });
  });

  it('leaves it unplaced when most of it was rewritten', () => {
    expect(placeSegment(whole, essay(6_500, 'v'))).toEqual({ status: 'unplaced' });
    expect(placeSegment(whole, '')).toEqual({ status: 'unplaced' });
  });
});

describe('re-anchoring huge quotes without throwing', () => {
  const big = essay(1_500_000); // ~12 MB

  it('places a 10 MB quote after one word changed', () => {
    expect(big.length).toBeGreaterThan(10_000_000);
    const edited = edit(big, ' w750002 ', ' changed ');
    expect(placeSegment(selectorOf(big, 0, big.length), edited)).toEqual({ status: 'moved', start: 0, end: edited.length });
  });

  it('leaves a 10 MB quote unplaced in a short unrelated text, and in offsets beyond the text', () => {
    const s = selectorOf(big, 0, big.length);
    expect(placeSegment(s, 'A short document.')).toEqual({ status: 'unplaced' });
    expect(placeSegment({ ...s, start: 20_000_000, end: 30_000_000 }, essay(2_000))).toEqual({ status: 'unplaced' });
  });

  it('stays bounded on repetitive text, where every word is an anchor hit', () => {
    const text = 'the '.repeat(500_000);
    const oneWordOff = `${'the '.repeat(2_000)}end`;
    expect(placeSegment({ start: 0, end: 1, quote: oneWordOff, prefix: '', suffix: '' }, text)).toMatchObject({ status: 'moved', start: 0 });
    const halfOff = 'the x '.repeat(1_000); // every seed fails after many tries: the budget runs out
    expect(placeSegment({ start: 0, end: 1, quote: halfOff, prefix: '', suffix: '' }, text)).toEqual({ status: 'unplaced' });
    const half = 'a'.repeat(1_000_000); // occurrences everywhere, none with the stored context
    expect(placeSegment({ start: 5, end: 6, quote: half, prefix: 'x', suffix: '' }, half + half)).toEqual({ status: 'moved', start: 5, end: 1_000_005 });
  });
});

describe('re-anchoring loosely, word by word', () => {
  const TEXT =
    'Ministers met in Rome on Monday. Foreign fighters returning home from the conflict were discussed at length by the delegations. The meeting ended early.';
  const quote = 'Foreign fighters returning home from the conflict were discussed at length';

  it('follows white space changed anywhere in the quote (tabs, newlines, no-break spaces)', () => {
    const s = selectorOver(TEXT, quote);
    const loose = 'Foreign\tfighters\n\nreturning  home from\u00a0the conflict were\r\ndiscussed at length';
    const edited = edit(TEXT, quote, loose);
    expect(placedText(edited, placeSegment(s, edited))).toBe(loose);
  });

  it('keeps a quote that starts and ends inside words to the same parts of those words', () => {
    const s = selectorOver(TEXT, 'oreign fighters returning home from the conflict were discussed at len');
    const edited = edit(TEXT, 'fighters returning', 'fighters   returning');
    expect(placedText(edited, placeSegment(s, edited))).toBe('oreign fighters   returning home from the conflict were discussed at len');
  });

  it('finds a quote with one word in ten changed, and includes the changed word', () => {
    const s = selectorOver(TEXT, quote);
    const edited = edit(TEXT, 'the conflict', 'the war');
    expect(placedText(edited, placeSegment(s, edited))).toBe('Foreign fighters returning home from the war were discussed at length');
  });

  it('does not stretch a short quote over a changed word', () => {
    const s = selectorOver(TEXT, 'fighters returning home');
    expect(placeSegment(s, edit(TEXT, 'returning', 'coming'))).toEqual({ status: 'unplaced' });
  });

  it('prefers the occurrence whose context still agrees', () => {
    const sentence = 'the returnees were tried in a court of law after a long investigation by the police';
    const text = `In Iraq ${sentence}. In Syria ${sentence}.`;
    const second = selectorOf(text, text.lastIndexOf(sentence), text.lastIndexOf(sentence) + sentence.length);
    const edited = text.replaceAll('court of law', 'court  of  justice');
    const placement = placeSegment(second, edited);
    expect(placement.status === 'moved' && placement.start).toBe(edited.lastIndexOf('the returnees'));
  });

  it('finds quotes with emoji, Arabic and combining marks after a word changed', () => {
    const cases = [
      'Flag 🏳️ and rocket 🚀 posted by the account with 👍 reactions from many followers 😀 overnight',
      'اجتمع التحالف الدولي ضد داعش في روما وناقش الوزراء المقاتلين الأجانب العائدين إلى بلدانهم',
      normalise('Le cafe\u0301 de la re\u0301sistance ou\u0300 Q\u0301 et les amis se retrouvaient chaque soir'),
    ];
    for (const sentence of cases) {
      const text = `Before. ${sentence} After.`;
      const s = selectorOver(text, sentence);
      const words = sentence.split(' ');
      words[4] = 'CHANGED';
      const edited = `Inserted first. ${edit(text, sentence, words.join(' '))}`;
      expect(placedText(edited, placeSegment(s, edited))).toBe(words.join(' '));
    }
  });

  it('finds a quote coded in CRLF-normalised text after the file changed a word and kept CRLF', () => {
    const raw = '\uFEFFFirst line\r\nForeign fighters returning home\r\nfrom the conflict were discussed\rat length today\r\nLast line';
    const text = normalise(raw);
    const s = selectorOver(text, 'Foreign fighters returning home\nfrom the conflict were discussed\nat length today');
    const edited = normalise(edit(raw, 'the conflict', 'the war'));
    expect(placedText(edited, placeSegment(s, edited))).toBe('Foreign fighters returning home\nfrom the war were discussed\nat length today');
  });
});
