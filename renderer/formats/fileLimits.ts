/**
 * Shapes an imported file may give the project, whatever its format. Codebooks nest a few levels
 * deep; a chain of thousands of codes only makes every path and tree walk slow.
 */
export const MAX_CODE_DEPTH = 100;

const MB = 1024 * 1024;
/**
 * A colleague's project folder: project.json and journal.jsonl, each (a project of 100,000
 * segments writes some 60 MB of project.json; main compacts its journal at 16 MB).
 */
export const MAX_PROJECT_FILE_BYTES = 256 * MB;
/** One imported document's text in a project folder: the corpus's limit for one document (main/corpus/loadCorpus.ts). */
export const MAX_DOCUMENT_TEXT_BYTES = 50 * MB;
/** "256 MB", as the analyst reads sizes. */
export const inMegabytes = (bytes: number) => `${Math.round(bytes / MB)} MB`;
