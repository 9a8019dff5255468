/**
 * XML as REFI-QDA files may write it, and nothing more: XML's five entities and character
 * references are decoded, CDATA is literal; HTML entities, DTDs (so declared and external
 * entities), invalid character references and excessive nesting are refused with a message that
 * names the file, the place and the problem. Also what the installed fast-xml-parser does on its
 * own, which is why xmlReader.ts brings its own entity decoder.
 */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { parseXml } from './xmlReader';

describe('fast-xml-parser 5.12 on its own (why the app decodes entities itself)', () => {
  const parse = (htmlEntities: boolean, xml: string) => new XMLParser({ htmlEntities, ignoreAttributes: false }).parse(xml);

  it('with htmlEntities on, decodes HTML entities XML does not have', () => {
    expect(parse(true, '<a>x&nbsp;y</a>').a).toBe('x\u00a0y');
  });

  it('with htmlEntities off, leaves &nbsp; as text — and character references too', () => {
    expect(parse(false, '<a>x&nbsp;y</a>').a).toBe('x&nbsp;y');
    expect(parse(false, '<a>A&#66;&#x43;</a>').a).toBe('A&#66;&#x43;');
  });

  it('expands entities a DTD declares', () => {
    expect(parse(false, '<!DOCTYPE a [<!ENTITY e "expanded">]><a>&e;</a>').a).toBe('expanded');
  });
});

describe('parseXml', () => {
  it('decodes XML’s five entities and character references, in text and attributes; CDATA stays literal', () => {
    const node = parseXml('<a b="&lt;&amp;&gt;&quot;&apos;&#65;&#x1F600;">x&#13;y<![CDATA[&nbsp; &amp;]]></a>', 'f.xml');
    expect(node).toEqual({ a: { '@_b': '<&>"\'A😀', '#text': 'x\ry&nbsp; &amp;' } });
  });

  const refused = (xml: string) => {
    try {
      parseXml(xml, 'project.qde');
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('was accepted');
  };

  it('refuses HTML entities, naming them and where they are', () => {
    expect(refused('<a>\n  caf&eacute;</a>')).toBe(
      'project.qde is refused (line 2, column 6): "&eacute;" is not an XML entity (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;; HTML entities like &nbsp; are not XML).',
    );
    expect(refused('<a b="&nbsp;"/>')).toMatch(/\(line 1, column 7\): "&nbsp;" is not an XML entity/);
  });

  it('refuses any DTD: internal entities (billion laughs), external entities, a bare DOCTYPE', () => {
    const dtd = /document type declarations \(<!DOCTYPE …>\) and entity declarations are not accepted/;
    expect(refused('<!DOCTYPE a [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">]><a>&b;</a>')).toMatch(dtd);
    expect(refused('<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>')).toMatch(dtd);
    expect(refused('<?xml version="1.0"?>\n<!DOCTYPE a>\n<a/>')).toMatch(dtd);
  });

  it('refuses references to characters XML does not allow, and bare ampersands', () => {
    expect(refused('<a>&#0;</a>')).toMatch(/the character reference &#0; is not a character XML allows/);
    expect(refused('<a>&#xD800;</a>')).toMatch(/&#xD800; is not a character XML allows/);
    expect(refused('<a>Tom & Jerry</a>')).toMatch(/an "&" that starts no entity reference \(a literal ampersand is written &amp;\)/);
  });

  it('checks a large file in one pass: 40,000 attribute values and not one "&" (the check once searched to the end for each)', () => {
    const xml = `<a>${'<b c="some value" d="another"/>'.repeat(20_000)}</a>`;
    expect(Object.keys(parseXml(xml, 'f'))).toEqual(['a']);
  });

  it('reads 256 levels of nesting and refuses more', () => {
    const nested = (n: number) => '<a>'.repeat(n) + '</a>'.repeat(n);
    expect(() => parseXml(nested(256), 'f')).not.toThrow();
    expect(refused(nested(257))).toMatch(/elements are nested more than 256 deep/);
  });
});
