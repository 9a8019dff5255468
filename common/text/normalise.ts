/**
 * The one normalisation every document text goes through before any offset is taken (corpus
 * files in main/, imported REFI-QDA sources here): strip a leading BOM, CRLF and lone CR → LF,
 * Unicode NFC. Pure, so both the main process and the renderer use this same function.
 */
export function normaliseText(raw: string): string {
  const withoutBom = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  return withoutBom.replace(/\r\n?/g, '\n').normalize('NFC');
}
