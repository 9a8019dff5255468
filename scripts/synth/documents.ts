/**
 * The documents the "Add documents" bench imports: 200 Word files of ~30 KB and one PDF of 300
 * pages, written with the same writers the tests use (docx, pdf-lib). Same seed → same text.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docxFile } from '../fixtures/docxFile';
import { pdfFile } from '../fixtures/pdfFile';
import { fork, intIn } from './prng';
import { paragraph } from './text';

export const DOCUMENT_SET = { docx: 200, pdfPages: 300 } as const;

export interface DocumentSetSummary {
  docx: number;
  docxBytes: number;
  pdfPages: number;
  pdfBytes: number;
}

/** Writes <out>/documents/: doc-001.docx … and book.pdf (scale shrinks the counts for smoke runs). */
export async function synthDocuments(out: string, seed: number, scale = 1): Promise<DocumentSetSummary> {
  const folder = join(out, 'documents');
  mkdirSync(folder, { recursive: true });
  const docxCount = Math.max(2, Math.round(DOCUMENT_SET.docx * scale));
  const pages = Math.max(3, Math.round(DOCUMENT_SET.pdfPages * scale));
  let docxBytes = 0;
  for (let i = 1; i <= docxCount; i++) {
    const rng = fork(seed, 7001, i);
    const paragraphs = Array.from({ length: 55 }, () => paragraph(rng, intIn(rng, 600, 1400)));
    const bytes = await docxFile({
      heading: `Interview ${i}`,
      paragraphs,
      table: [
        ['Speaker', 'Role'],
        ['A', 'interviewer'],
      ],
      footnotes: [paragraph(rng, 120)],
    });
    writeFileSync(join(folder, `doc-${String(i).padStart(3, '0')}.docx`), bytes);
    docxBytes += bytes.length;
  }
  const rng = fork(seed, 7002);
  // ~34 lines of ~80 characters a page, as a printed report.
  const pageTexts = Array.from({ length: pages }, (_, p) =>
    [`Page ${p + 1}`, ...Array.from({ length: 34 }, () => paragraph(rng, intIn(rng, 60, 90)))].join('\n'),
  );
  const pdf = await pdfFile(pageTexts);
  writeFileSync(join(folder, 'book.pdf'), pdf);
  return { docx: docxCount, docxBytes, pdfPages: pages, pdfBytes: pdf.length };
}
