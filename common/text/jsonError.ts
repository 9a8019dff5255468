/** Where JSON.parse gave up, for a message: V8 gives a character position, an analyst needs a line and column. */
import { errorMessage } from '../errorMessage';

export interface JsonErrorPlace {
  /** "line 3, column 3", or null when the error names no position (or names its line already). */
  at: string | null;
  reason: string;
}

export function jsonErrorPlace(text: string, error: unknown): JsonErrorPlace {
  const reason = errorMessage(error);
  const position = /position (\d+)/.exec(reason);
  if (!position || /line \d+/.test(reason)) return { at: null, reason };
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return { at: `line ${line}, column ${column}`, reason };
}
