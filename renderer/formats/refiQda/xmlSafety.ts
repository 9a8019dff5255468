/**
 * What REFI-QDA XML may contain before it is parsed: no document type declaration (so no entity
 * definitions, internal or external: the "billion laughs" and file-reading attacks need one), no
 * entity reference but XML's five (&amp; &lt; &gt; &quot; &apos;) and character references to
 * characters XML allows — HTML's &nbsp; is not XML — and elements nested at most MAX_XML_DEPTH
 * deep. One pass over the text; comments, CDATA sections and processing instructions are skipped.
 */
import { MAX_XML_DEPTH } from './limits';

const XML_ENTITY = /&(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});/y;
const NAMED = /&([A-Za-z_][\w.-]{0,40});/y;
const TEXT_SPECIAL = /[<&]/g;
const TAG_SPECIAL = /["'>&]/g;

/** Characters XML 1.0 allows (production [2] Char). */
function isXmlChar(code: number): boolean {
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
}

function position(text: string, index: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return `line ${line}, column ${index - lineStart + 1}`;
}

/** Throws an Error naming the file, the place and the problem; returns when the XML may be parsed. */
export function assertSafeXml(text: string, fileName: string): void {
  const refuse = (index: number, problem: string): never => {
    throw new Error(`${fileName} is refused (${position(text, index)}): ${problem}`);
  };
  const checkReference = (i: number) => {
    XML_ENTITY.lastIndex = i;
    if (XML_ENTITY.test(text)) {
      if (text[i + 1] === '#') {
        const hex = text[i + 2] === 'x';
        const code = parseInt(text.slice(i + (hex ? 3 : 2), text.indexOf(';', i)), hex ? 16 : 10);
        if (!isXmlChar(code)) refuse(i, `the character reference ${text.slice(i, text.indexOf(';', i) + 1)} is not a character XML allows.`);
      }
      return;
    }
    NAMED.lastIndex = i;
    const named = NAMED.exec(text);
    if (named) {
      refuse(
        i,
        `"${named[0]}" is not an XML entity (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;; HTML entities like &nbsp; are not XML).`,
      );
    }
    refuse(i, 'an "&" that starts no entity reference (a literal ampersand is written &amp;).');
  };
  const skipTo = (from: number, end: string, what: string): number => {
    const at = text.indexOf(end, from);
    if (at === -1) refuse(from, `${what} is not closed.`);
    return at + end.length;
  };

  // The next "&" at or after a position, remembered: attribute values are checked for references
  // without searching past their end again for every value (a file without any "&" would make that quadratic).
  let amp = -2;
  const ampersandFrom = (from: number) => {
    if (amp !== -1 && amp < from) amp = text.indexOf('&', from);
    return amp;
  };
  const checkValue = (from: number, to: number) => {
    for (let at = ampersandFrom(from); at !== -1 && at < to; at = ampersandFrom(at + 1)) checkReference(at);
  };

  let depth = 0;
  let i = 0;
  for (;;) {
    TEXT_SPECIAL.lastIndex = i;
    const found = TEXT_SPECIAL.exec(text);
    if (!found) return;
    i = found.index;
    if (text[i] === '&') {
      checkReference(i);
      i++;
      continue;
    }
    if (text.startsWith('<!--', i)) i = skipTo(i + 4, '-->', 'A comment');
    else if (text.startsWith('<![CDATA[', i)) i = skipTo(i + 9, ']]>', 'A CDATA section');
    else if (text.startsWith('<?', i)) i = skipTo(i + 2, '?>', 'A processing instruction');
    else if (text.startsWith('<!', i)) {
      refuse(i, 'document type declarations (<!DOCTYPE …>) and entity declarations are not accepted in REFI-QDA files.');
    } else if (text[i + 1] === '/') {
      depth--;
      i = skipTo(i + 2, '>', 'An end tag');
    } else {
      i = endOfStartTag(text, i + 1, checkReference, checkValue, (at) => refuse(at, 'a start tag is not closed.'));
      if (text[i - 2] !== '/' && ++depth > MAX_XML_DEPTH) refuse(i, `elements are nested more than ${MAX_XML_DEPTH} deep.`);
    }
  }
}

/** The index after a start tag's ">", checking the references in its attribute values. */
function endOfStartTag(
  text: string,
  from: number,
  checkReference: (i: number) => void,
  checkValue: (from: number, to: number) => void,
  unclosed: (i: number) => never,
): number {
  let i = from;
  for (;;) {
    TAG_SPECIAL.lastIndex = i;
    const found = TAG_SPECIAL.exec(text);
    if (!found) return unclosed(from);
    i = found.index;
    const c = text[i];
    if (c === '>') return i + 1;
    if (c === '&') {
      checkReference(i);
      i++;
      continue;
    }
    const close = text.indexOf(c!, i + 1);
    if (close === -1) return unclosed(from);
    checkValue(i + 1, close);
    i = close + 1;
  }
}
