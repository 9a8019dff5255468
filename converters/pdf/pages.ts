/** Page numbers from a PDF-born document's page starts (kept apart from pdf.js, which exports do not need). */

/** The page (1-based) an offset falls on, from a document's page starts. */
export function pageAt(pageStarts: readonly number[], offset: number): number {
  // The last page starting at or before the offset (starts never decrease: binary search).
  let low = 0;
  let high = pageStarts.length - 1;
  let page = 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (pageStarts[middle]! <= offset) {
      page = middle + 1;
      low = middle + 1;
    } else high = middle - 1;
  }
  return page;
}
