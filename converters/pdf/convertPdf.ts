/**
 * .pdf: the text layer, page by page (pdf.js), each page's start offset kept so that a segment
 * can tell its page. Runs pdf.js without eval, without fonts loaded into a page and without a
 * worker of its own: its "worker" code is loaded as a module in this same thread (the caller is
 * already off the UI thread), so nothing is fetched from anywhere.
 */
import { getDocument, OPS, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { RefusedDocument, type ConvertedDocument } from '../convert';
import { normaliseText } from '../../common/text/normalise';
import { drawnJoiners, mayHaveLostJoiners, restoreJoiners } from './joiners';
import { orderRightToLeftRuns, type PlacedItem } from './rtlRuns';

// pdf.js runs its worker's code in this thread when it finds it on globalThis.pdfjsWorker.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export async function convertPdf(bytes: Uint8Array): Promise<ConvertedDocument> {
  const task = getDocument({
    // pdf.js takes ownership of (detaches) the buffer it is given, and wants a plain Uint8Array
    // (not a Node Buffer): give it a copy of that kind.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf: Awaited<typeof task.promise>;
  try {
    pdf = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = error instanceof Error ? error.name : '';
    if (name === 'PasswordException') throw new RefusedDocument('this PDF is encrypted with a password; save an unprotected copy and add that');
    if (name === 'InvalidPDFException') throw new RefusedDocument('it is not a readable PDF file');
    throw new RefusedDocument(`the PDF could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      pages.push(pageText(await pageItemsText(page)));
      page.cleanup();
    }
    return joinPages(pages);
  } finally {
    await pdf.destroy();
  }
}

/** A page's text items joined, a line break where pdf.js saw the end of a line, with the joiners it dropped put back. */
async function pageItemsText(page: PDFPageProxy): Promise<string> {
  const content = await page.getTextContent();
  let text = '';
  for (const item of orderRightToLeftRuns(content.items as PlacedItem[])) text += item.str + (item.hasEOL ? '\n' : '');
  if (!mayHaveLostJoiners(text)) return text;
  return restoreJoiners(text, drawnJoiners(await drawnGlyphs(page)));
}

/** The Unicode value of every glyph the page draws, in drawing order (joiners included). */
async function drawnGlyphs(page: PDFPageProxy): Promise<string[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const glyphs: string[] = [];
  fnArray.forEach((fn, i) => {
    if (fn !== OPS.showText) return;
    // The glyphs, with numbers (spacing) between them.
    for (const glyph of (argsArray[i] as [unknown[]])[0]) {
      const unicode = typeof glyph === 'object' && glyph !== null ? (glyph as { unicode?: unknown }).unicode : undefined;
      if (typeof unicode === 'string') glyphs.push(unicode);
    }
  });
  return glyphs;
}

/**
 * Arabic presentation forms (the shaped initial, medial, final and ligature glyphs a writer maps
 * to themselves): pdf.js turns only a few into letters, and a word spelled in them is not found
 * by a search for its letters. They look the same as the letters NFKC makes of them.
 */
const PRESENTATION_FORMS = /[ﭐ-﷿ﹰ-﻾]+/g;

/** A page's text, normalised, trailing blanks trimmed. */
function pageText(text: string): string {
  // U+0000 is what pdf.js gives for a glyph without a Unicode value (e.g. a shadda-with-vowel ligature): never text.
  return normaliseText(text.replace(/\0/g, '').replace(PRESENTATION_FORMS, (forms) => forms.normalize('NFKC')))
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Pages one after another, a blank line between two; a page without text starts where the next
 * one with text does. Each page is normalised on its own: NFC never composes across a line break, so the
 * whole is normalised too and the starts stay exact.
 */
export function joinPages(pages: readonly string[]): ConvertedDocument {
  const starts: (number | null)[] = [];
  let text = '';
  for (const page of pages) {
    if (page === '') {
      starts.push(null);
      continue;
    }
    if (text !== '') text += '\n\n';
    starts.push(text.length);
    text += page;
  }
  if (text.trim() === '') throw new RefusedDocument('this PDF has no text (scanned?): only a text layer can be coded');
  // A page without text starts where the next page with text does (or at the end).
  const pageStarts = new Array<number>(pages.length);
  let next = text.length;
  for (let i = pages.length - 1; i >= 0; i--) pageStarts[i] = next = starts[i] ?? next;
  const empty = starts.filter((start) => start === null).length;
  const warnings = empty > 0 ? [`${empty} of ${pages.length} pages have no text (scanned?)`] : [];
  return { text, provenance: { pageStarts }, warnings };
}
