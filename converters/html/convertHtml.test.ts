import { describe, expect, it } from 'vitest';
import { spanOf, TRICKY_LINE, TRICKY_NORMALISED } from '../testing';
import { convertHtml } from './convertHtml';

const page = `<!doctype html>
<html><head><title>Not shown</title><style>p { color: red }</style>
<script>document.write("never run"); fetch("https://example.org/")</script></head>
<body>
  <!-- a comment -->
  <h1>Heading  one</h1>
  <p>A <b>bold</b>   word &amp; an entity &eacute; &#x1F600;<br>after a break</p>
  <img src="https://example.org/tracker.png" alt="never loaded">
  <ul><li>first item</li><li>second item</li></ul>
  <table><tr><th>Name</th><th>Place</th></tr><tr><td>Ana</td><td>Mosul</td></tr></table>
  <p>${TRICKY_LINE}</p>
  <pre>kept   spacing
  second</pre>
  <noscript>no script</noscript>
</body></html>`;

describe('convertHtml', () => {
  it('keeps visible text only, blocks as lines, cells tab-separated, entities decoded', async () => {
    const doc = await convertHtml(new TextEncoder().encode(page));
    expect(doc.text).toBe(
      [
        'Heading one',
        'A bold word & an entity é 😀',
        'after a break',
        'first item',
        'second item',
        'Name\tPlace',
        'Ana\tMosul',
        TRICKY_NORMALISED,
        'kept   spacing',
        '  second',
      ].join('\n'),
    );
    expect(doc.text).not.toMatch(/never|color|comment|Not shown|no script/);
    const quote = spanOf(doc.text, 'café then مرحبا');
    expect(doc.text.slice(quote.start, quote.end)).toBe('café then مرحبا');
  });

  it('reads a Windows-1252 page and says so', async () => {
    const doc = await convertHtml(new Uint8Array([...new TextEncoder().encode('<p>'), 0x93, 0x68, 0x69, 0x94, ...new TextEncoder().encode('</p>')]));
    expect(doc.text).toBe('“hi”');
    expect(doc.warnings).toEqual([expect.stringContaining('Windows-1252')]);
  });

  it('refuses a page that shows nothing', async () => {
    await expect(convertHtml(new TextEncoder().encode('<script>alert(1)</script><style>x{}</style>'))).rejects.toThrow(/no text/);
  });
});
