/**
 * Visible text of an HTML page: scripts, styles, templates and comments dropped, block elements
 * (paragraphs, headings, list items, table rows …) as lines, table cells separated by tabs,
 * entities decoded, white space collapsed as a browser shows it (kept in <pre>). A streaming
 * parser (htmlparser2), never a DOM: nothing is executed, nothing is loaded.
 */
import { Parser } from 'htmlparser2';

/** Elements whose content is never shown. */
const HIDDEN = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'iframe', 'object', 'svg', 'math', 'select', 'button']);
/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html',
  'legend', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'tfoot', 'thead', 'tr', 'ul',
]);
const CELLS = new Set(['td', 'th']);
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

export interface HtmlTextOptions {
  /**
   * Asked at each opening tag: 'skip' drops the element and its content, a string is written
   * before its content (docx: "[1] " before footnote 1), undefined keeps it as usual.
   */
  onOpen?: (name: string, attributes: Record<string, string>) => 'skip' | string | undefined;
}

export function htmlToText(html: string, options: HtmlTextOptions = {}): string {
  const lines: string[] = [];
  let line = '';
  /** Depth inside elements whose content is dropped (0: visible). */
  let hiddenDepth = 0;
  let preDepth = 0;
  /** Depth inside table cells: a cell is one stretch of its row's line, whatever blocks it holds. */
  let cellDepth = 0;
  /** Written before the next text (a footnote's "[1] " goes on the line of its first paragraph). */
  let prefix = '';
  /** Cells written on the current table row (a tab goes before each but the first). */
  let cellsInRow = 0;
  const open: string[] = [];

  const endLine = () => {
    const trimmed = preDepth > 0 ? line.replace(/[ \t]+$/g, '') : line.replace(/[ \t]+$/g, '').replace(/^ +/, '');
    if (trimmed !== '') lines.push(trimmed);
    line = '';
  };
  /** A block starts or ends: a new line, or a space between two blocks inside one table cell. */
  const blockBoundary = () => {
    if (cellDepth === 0) endLine();
    else if (line !== '' && !/[ \t]$/.test(line)) line += ' ';
  };
  const write = (text: string) => {
    if (prefix !== '' && text.trim() !== '') {
      line += prefix;
      prefix = '';
    }
    if (preDepth > 0) {
      const parts = text.split('\n');
      parts.forEach((part, i) => {
        if (i > 0) endLine();
        line += part;
      });
      return;
    }
    const collapsed = text.replace(/[ \t\n\r\f]+/g, ' ');
    line += line === '' || line.endsWith(' ') || line.endsWith('\t') ? collapsed.replace(/^ /, '') : collapsed;
  };

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (VOID.has(name)) {
          if (hiddenDepth === 0 && (name === 'br' || name === 'hr')) endLine();
          return;
        }
        open.push(name);
        if (hiddenDepth > 0 || HIDDEN.has(name)) {
          hiddenDepth++;
          return;
        }
        const asked = options.onOpen?.(name, attributes);
        if (asked === 'skip') {
          hiddenDepth++;
          return;
        }
        if (name === 'tr') cellsInRow = 0;
        if (CELLS.has(name)) {
          if (cellsInRow++ > 0) line = line.replace(/ $/, '') + '\t';
          cellDepth++;
        } else if (BLOCKS.has(name)) blockBoundary();
        if (name === 'pre') preDepth++;
        if (asked) prefix = asked;
      },
      ontext(text) {
        if (hiddenDepth === 0) write(text);
      },
      onclosetag(name) {
        if (VOID.has(name) || open.length === 0) return;
        open.pop();
        if (hiddenDepth > 0) {
          hiddenDepth--;
          return;
        }
        if (BLOCKS.has(name)) blockBoundary();
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (CELLS.has(name)) cellDepth = Math.max(0, cellDepth - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  endLine();
  return lines.join('\n');
}
