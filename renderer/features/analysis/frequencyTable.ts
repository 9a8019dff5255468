/** The frequency answer as table rows: per code, own or with sub-codes, and per coder. Pure. */
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { FrequencyAnswer } from '../../domain/analysis/requests';
import type { Code } from '../../domain/model';
import type { CsvCell } from './tableCsv';

export const FREQUENCY_HEADER = ['Code', 'Codings', 'Segments', 'Documents', 'Characters', '% of text', 'Words', '% of words'];

export interface FrequencyRow {
  code: Code;
  depth: number;
  path: string;
  cells: CsvCell[];
}

const share = (part: number, whole: number | null) => (whole ? Math.round((1000 * part) / whole) / 10 : null);

export function frequencyRows(answer: FrequencyAnswer, codes: readonly Code[], withSubcodes: boolean): FrequencyRow[] {
  const byId = codesById(codes);
  const at = new Map(answer.codes.map((id, i) => [id, i]));
  const k = answer.codes.length;
  return flattenTree(codes)
    .filter(({ code }) => at.has(code.id))
    .map(({ code, depth }) => {
      const i = (withSubcodes ? k : 0) + at.get(code.id)!;
      const path = codePath(byId, code.id);
      return {
        code,
        depth,
        path,
        cells: [
          path,
          answer.codings[i]!,
          answer.segments[i]!,
          answer.documentsWith[i]!,
          answer.chars[i]!,
          share(answer.chars[i]!, answer.textChars),
          // Words are counted from the texts: unknown until every text is read.
          answer.textWords === null ? null : answer.words[i]!,
          share(answer.words[i]!, answer.textWords),
        ],
      };
    });
}

/** Both levels side by side, for the CSV. */
export function frequencyCsv(answer: FrequencyAnswer, codes: readonly Code[]): { header: string[]; rows: CsvCell[][] } {
  const own = frequencyRows(answer, codes, false);
  const rolled = frequencyRows(answer, codes, true);
  const names = ['codings', 'segments', 'documents', 'characters', 'percent_of_text', 'words', 'percent_of_words'];
  return {
    header: ['code_path', ...names, ...names.map((n) => `${n}_with_subcodes`)],
    rows: own.map((r, i) => [r.path, ...r.cells.slice(1), ...rolled[i]!.cells.slice(1)]),
  };
}

/** Codings and segments per coder (columns: one pair per coder). */
export function coderRows(answer: FrequencyAnswer, codes: readonly Code[], withSubcodes: boolean): { header: string[]; rows: CsvCell[][] } {
  const byId = codesById(codes);
  const at = new Map(answer.codes.map((id, i) => [id, i]));
  const k = answer.codes.length;
  return {
    header: ['Code', ...answer.coders.flatMap((c) => [`${c.coder}: codings`, `${c.coder}: segments`])],
    rows: flattenTree(codes)
      .filter(({ code }) => at.has(code.id))
      .map(({ code }) => {
        const i = (withSubcodes ? k : 0) + at.get(code.id)!;
        return [codePath(byId, code.id), ...answer.coders.flatMap((c) => [c.codings[i]!, c.segments[i]!])];
      }),
  };
}
