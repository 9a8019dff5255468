/**
 * Seeded prose: paragraphs of pseudo-English with some accented Latin letters, Arabic phrases
 * and emoji. Everything produced is already in the form the app normalises to (LF line ends,
 * NFC, no BOM), uses only precomposed letters (no combining marks) and emoji without variation
 * selectors or ZWJ sequences, so a synthetic offset is a valid app offset as is.
 */
import { isHighSurrogate } from '../../common/text/codePoints';
import { intIn, pick, type Rng } from './prng';

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they you ' +
  'were her she there one all we their been has when who will more no if out so said what up its about into than them ' +
  'can only other new some could time these two may then do first any my now such like our over man me even most made ' +
  'after also did many before must through back years where much your way well down should because each just those ' +
  'people how too little state good very make world still own see men work long get here between both life being under ' +
  'never day same another know while last might us great old year off come since against go came right used take three ' +
  'coalition ministers statement partners stabilisation humanitarian assistance reconstruction security region ' +
  'displaced communities negotiation agreement council committee evidence testimony interview archive memory ' +
  'village harbour market river mountain winter harvest teacher letter journey promise border document chapter'
).split(' ');

/** Precomposed (NFC-stable) non-ASCII words. */
const ACCENTED = ['café', 'naïve', 'Zürich', 'façade', 'Ørsted', 'São', 'Paulo', 'señor', 'déjà', 'Mañana', 'Kraków', 'Ærø', 'Šibenik', 'Þórr', 'Ελλάδα', 'Москва', 'fiancée', 'crème', 'Łódź', 'İstanbul'];
const ARABIC = ['التحالف الدولي', 'بيان مشترك', 'مدينة الموصل', 'إعادة الإعمار', 'الأمن والاستقرار', 'المجتمع المدني', 'شكرا'];
/** Single code points outside the BMP (surrogate pairs in UTF-16), no variation selectors. */
const EMOJI = ['😀', '🙂', '🌍', '📚', '🕊', '🚀', '🧭', '💬', '🔥', '🌱'];

export function word(rng: Rng): string {
  const r = rng();
  if (r < 0.006) return pick(rng, EMOJI);
  if (r < 0.012) return pick(rng, ARABIC);
  if (r < 0.03) return pick(rng, ACCENTED);
  return pick(rng, WORDS);
}


/** A paragraph of exactly `length` UTF-16 units or one less (never half an emoji), no line breaks. */
export function paragraph(rng: Rng, length: number): string {
  const parts: string[] = [];
  let total = 0;
  let sentenceStart = true;
  let sinceStop = 0;
  while (total < length) {
    let w = word(rng);
    if (sentenceStart) w = w.charAt(0).toUpperCase() + w.slice(1);
    sentenceStart = false;
    sinceStop++;
    if (sinceStop > intIn(rng, 6, 22)) {
      w += pick(rng, ['.', '.', '.', '?', '!', ';']);
      sentenceStart = w.endsWith(';') ? false : true;
      sinceStop = 0;
    } else if (rng() < 0.06) w += ',';
    parts.push(w);
    total += w.length + 1;
  }
  let p = parts.join(' ').slice(0, length);
  if (isHighSurrogate(p.charCodeAt(p.length - 1))) p = p.slice(0, -1);
  // No white space at either end: replace a trailing space by a full stop.
  if (p.endsWith(' ')) p = p.slice(0, -1) + '.';
  return p;
}

/** Paragraph lengths for the book: 28–1,970 characters, mean ≈ 513 (skewed towards short). */
export function bookParagraphLength(rng: Rng): number {
  return 28 + Math.round(1942 * Math.pow(rng(), 3));
}
