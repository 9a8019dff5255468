/**
 * How much a .qdpx may inflate to. A ZIP entry can expand a thousandfold (a 1 MB file holding
 * a gigabyte), so sizes are checked against the archive's directory before inflating and
 * enforced while inflating: reading stops at the limit, the rest is never allocated.
 */

const MB = 1024 * 1024;

/** One source text: the corpus's limit for one document (main/corpus/loadCorpus.ts), which the reader is built for. */
export const MAX_SOURCE_BYTES = 50 * MB;
/** project.qde (and the other entries Marginalia reads): 100,000 coded selections with quotes of 40 characters write some 65 MB. */
export const MAX_PROJECT_BYTES = 128 * MB;
/** Everything inflated from one archive together. */
export const MAX_TOTAL_BYTES = 256 * MB;
/** Entries listed in one archive. */
export const MAX_ENTRIES = 100_000;
/** Elements nested in one another in project.qde or a .qdc (code hierarchies are a few levels deep). */
export const MAX_XML_DEPTH = 256;

/** "50 MB": sizes as the analyst reads them (binary megabytes, as file managers show them). */
export function megabytes(bytes: number): string {
  const mb = bytes / MB;
  return `${mb >= 10 || Number.isInteger(mb) ? Math.round(mb) : mb.toFixed(1)} MB`;
}
