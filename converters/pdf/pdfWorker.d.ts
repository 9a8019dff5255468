/** pdf.js's worker module ships no types; this is all the converter touches. */
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: unknown;
}
