/**
 * A half-open range [start, end) of offsets into a text. Unless a name says otherwise the
 * offsets are UTF-16 code units of the normalised document text (see common/contract.ts);
 * REFI-QDA selections read from a file count code points of the original text instead.
 */
export interface Span {
  start: number;
  end: number;
}
