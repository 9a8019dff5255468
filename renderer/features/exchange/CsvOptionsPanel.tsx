/**
 * The CSV options of the Export dialog: which documents, codes and coder's codings to export,
 * and the text settings (BOM, Excel-safe). Shown for formats whose `export.options` is 'csv'.
 */
import { useMemo } from 'react';
import { flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import type { ExportOptions } from '../../formats/format';
import type { ReadableDocument } from '../../ui/useCorpus';

export interface CsvChoices {
  excludedDocuments: ReadonlySet<string>;
  excludedCodes: ReadonlySet<string>;
  includeDescendants: boolean;
  /** '' for every coder. */
  coder: string;
  bom: boolean;
  excelSafe: boolean;
}

export const DEFAULT_CSV_CHOICES: CsvChoices = {
  excludedDocuments: new Set(),
  excludedCodes: new Set(),
  includeDescendants: true,
  coder: '',
  bom: true,
  excelSafe: true,
};

/** The export options for the choices; a filter that keeps everything is no filter. */
export function csvOptionsOf(choices: CsvChoices, documents: readonly ReadableDocument[], codes: readonly Code[]): ExportOptions['csv'] {
  const allDocuments = documents.every((d) => !choices.excludedDocuments.has(d.id));
  const allCodes = codes.every((c) => !choices.excludedCodes.has(c.id));
  return {
    bom: choices.bom,
    excelSafe: choices.excelSafe,
    documentIds: allDocuments ? undefined : documents.filter((d) => !choices.excludedDocuments.has(d.id)).map((d) => d.id),
    codeIds: allCodes ? undefined : codes.filter((c) => !choices.excludedCodes.has(c.id)).map((c) => c.id),
    includeDescendants: choices.includeDescendants,
    coder: choices.coder === '' ? undefined : choices.coder,
  };
}

/** Whether the choices leave nothing to export (no document or no code). */
export function choosesNothing(choices: CsvChoices, documents: readonly ReadableDocument[], codes: readonly Code[]): boolean {
  return documents.every((d) => choices.excludedDocuments.has(d.id)) || codes.every((c) => choices.excludedCodes.has(c.id));
}

const toggled = (set: ReadonlySet<string>, id: string, on: boolean) => {
  const next = new Set(set);
  if (on) next.delete(id);
  else next.add(id);
  return next;
};

interface Props {
  choices: CsvChoices;
  onChange: (change: (choices: CsvChoices) => CsvChoices) => void;
  documents: readonly ReadableDocument[];
  codes: readonly Code[];
  coders: readonly string[];
}

export function CsvOptionsPanel({ choices, onChange, documents, codes, coders }: Props) {
  const tree = useMemo(() => flattenTree(codes), [codes]);
  const set = <K extends keyof CsvChoices>(key: K, value: CsvChoices[K]) => onChange((c) => ({ ...c, [key]: value }));

  return (
    <div className="csv-options">
      <fieldset className="check-list">
        <legend>Documents</legend>
        <div className="check-list-actions">
          <button type="button" onClick={() => set('excludedDocuments', new Set())}>
            All documents
          </button>
          <button type="button" onClick={() => set('excludedDocuments', new Set(documents.map((d) => d.id)))}>
            No documents
          </button>
        </div>
        <ul>
          {documents.map((d) => (
            <li key={d.id}>
              <label>
                <input
                  type="checkbox"
                  checked={!choices.excludedDocuments.has(d.id)}
                  onChange={(e) => onChange((c) => ({ ...c, excludedDocuments: toggled(c.excludedDocuments, d.id, e.target.checked) }))}
                />
                {d.title}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>

      <fieldset className="check-list">
        <legend>Codes</legend>
        <div className="check-list-actions">
          <button type="button" onClick={() => set('excludedCodes', new Set())}>
            All codes
          </button>
          <button type="button" onClick={() => set('excludedCodes', new Set(codes.map((c) => c.id)))}>
            No codes
          </button>
        </div>
        <ul>
          {tree.map(({ code, depth }) => (
            <li key={code.id} style={{ paddingInlineStart: `${depth * 1.1}rem` }}>
              <label>
                <input
                  type="checkbox"
                  checked={!choices.excludedCodes.has(code.id)}
                  onChange={(e) => onChange((c) => ({ ...c, excludedCodes: toggled(c.excludedCodes, code.id, e.target.checked) }))}
                />
                <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
                {code.name}
              </label>
            </li>
          ))}
        </ul>
        <label className="inline-check">
          <input type="checkbox" checked={choices.includeDescendants} onChange={(e) => set('includeDescendants', e.target.checked)} />
          Include sub-codes
        </label>
      </fieldset>

      <div className="csv-settings">
        <label>
          Coder
          <select value={choices.coder} onChange={(e) => set('coder', e.target.value)}>
            <option value="">All coders</option>
            {coders.map((c) => (
              <option key={c} value={c}>
                {c || '(no name)'}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={choices.bom} onChange={(e) => set('bom', e.target.checked)} />
          UTF-8 BOM (for Excel)
        </label>
        <label className="inline-check">
          <input
            type="checkbox"
            checked={choices.excelSafe}
            onChange={(e) => set('excelSafe', e.target.checked)}
            aria-describedby="excel-safe-hint"
          />
          Protect against spreadsheet formulas
        </label>
        <p id="excel-safe-hint" className="exchange-hint">
          Puts an apostrophe before text that starts with = + - or @, so Excel does not run it. Turn it off for R or pandas,
          which read the text as it is.
        </p>
      </div>
    </div>
  );
}
