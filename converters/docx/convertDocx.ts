/**
 * .docx: paragraphs, headings and list items as lines, table cells separated by tabs, footnotes
 * and endnotes appended ("[1] …"), read by mammoth (Word's document model → HTML) and taken to
 * text by htmlToText. Images are not read at all.
 */
import mammoth from 'mammoth';
import { RefusedDocument, type ConvertedDocument } from '../convert';
import { htmlToText } from '../html/htmlToText';
import { documentText } from '../text';

/** mammoth's back-links from a note to its reference ("↑"). */
const BACK_LINK = /^#(footnote|endnote)-ref-/;
const NOTE = /^(footnote|endnote)-(\d+)$/;

export async function convertDocx(bytes: Uint8Array): Promise<ConvertedDocument> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new RefusedDocument('it is not a Word .docx file (no ZIP archive inside)');
  let html: string;
  try {
    // `buffer` is what mammoth reads in Node, `arrayBuffer` in a browser: give both the same bytes.
    const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
      ignoreEmptyParagraphs: true,
    });
    html = result.value;
  } catch (error) {
    throw new RefusedDocument(`it is not a readable Word .docx file (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = htmlToText(html, {
    onOpen(name, attributes) {
      if (name === 'a' && BACK_LINK.test(attributes.href ?? '')) return 'skip';
      const note = name === 'li' ? NOTE.exec(attributes.id ?? '') : null;
      return note ? `[${note[1] === 'endnote' ? 'endnote ' : ''}${note[2]}] ` : undefined;
    },
  });
  return { text: documentText(text, 'the document body is empty'), provenance: {}, warnings: [] };
}
