/**
 * .md: the text a reader of the rendered page sees — headings, paragraphs and list items as
 * lines, emphasis, links and code fences without their markup. markdown-it renders CommonMark to
 * HTML (raw HTML kept, so htmlToText drops its scripts and tags like any page's).
 */
import MarkdownIt from 'markdown-it';
import type { ConvertedDocument } from '../convert';
import { htmlToText } from '../html/htmlToText';
import { documentText } from '../text';
import { decodePlainText } from '../txt/decodeTxt';

const markdown = new MarkdownIt({ html: true, linkify: false, typographer: false });

export async function convertMarkdown(bytes: Uint8Array): Promise<ConvertedDocument> {
  const { raw, warnings } = decodePlainText(bytes);
  return { text: documentText(htmlToText(markdown.render(raw))), provenance: {}, warnings };
}
