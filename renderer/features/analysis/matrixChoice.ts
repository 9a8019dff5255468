/** Which matrix the analyst asked for, the request it makes, and the query behind one of its cells. */
import type { Restriction } from '../../domain/analysis/input';
import type { Distance, Query } from '../../domain/analysis/query';
import type { AnalysisRequest } from '../../domain/analysis/requests';
import type { Measure } from '../../domain/analysis/tally';
import type { CellRef } from './matrixGrid';

export type MatrixKind = 'codeByDocument' | 'codeByAttribute' | 'cooccurrence';

export interface MatrixChoice {
  kind: MatrixKind;
  measure: Measure;
  attribute: string;
  /** Co-occurrence: overlapping, within N characters, or the same paragraph. */
  proximity: 'overlap' | 'within' | 'paragraph';
  within: number;
}

export const DEFAULT_MATRIX: MatrixChoice = { kind: 'codeByDocument', measure: 'segments', attribute: 'year', proximity: 'overlap', within: 50 };

export const MEASURE_LABELS: Record<Measure, string> = { segments: 'Segments', codings: 'Codings', chars: 'Characters', words: 'Words' };

export function distanceOf(choice: MatrixChoice): Distance {
  if (choice.proximity === 'paragraph') return 'paragraph';
  return { chars: choice.proximity === 'overlap' ? -1 : Math.max(0, Math.round(choice.within) || 0) };
}

export function matrixRequest(choice: MatrixChoice, restriction: Restriction): AnalysisRequest {
  if (choice.kind === 'cooccurrence') return { kind: 'cooccurrence', restriction, within: distanceOf(choice) };
  if (choice.kind === 'codeByAttribute') return { kind: 'codeByAttribute', restriction, measure: choice.measure, attribute: choice.attribute };
  return { kind: 'codeByDocument', restriction, measure: choice.measure };
}

/** The passages a cell counts, as a query and the restriction it runs under. */
export function cellQuery(ref: CellRef, restriction: Restriction, within: Distance): { query: Query; restriction: Restriction } {
  const term = (codeId: string): Query => ({ op: 'code', codeId, withSubcodes: ref.withSubcodes });
  switch (ref.kind) {
    case 'document':
      return { query: term(ref.codeId), restriction: { ...restriction, documents: [ref.documentId] } };
    case 'attribute':
      return { query: term(ref.codeId), restriction: { ...restriction, attributes: { ...restriction.attributes, [ref.attribute]: [ref.value] } } };
    case 'pair':
      if (ref.codeId === ref.otherId) return { query: term(ref.codeId), restriction };
      return {
        query: {
          op: 'anyOf',
          of: [
            { op: 'near', of: term(ref.codeId), to: term(ref.otherId), within },
            { op: 'near', of: term(ref.otherId), to: term(ref.codeId), within },
          ],
        },
        restriction,
      };
  }
}
