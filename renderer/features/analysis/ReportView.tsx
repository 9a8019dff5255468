/**
 * The report: chosen codes with their descriptions and passages, the frequency table,
 * inter-coder agreement, chosen charts and the memos — previewed here, printed (the print
 * stylesheet shows only the report), and saved as HTML or as a Word document.
 */
import { useEffect, useMemo, useState } from 'react';
import { runAgreement } from '../../project/agreement/agreementJob';
import { analysisDocuments } from '../../project/analysis/analysisDocuments';
import { useProject, useServices } from '../../ui/ProjectContext';
import { useCorpus } from '../../ui/useCorpus';
import { CodePicker } from './CodePicker';
import type { MatrixChoice } from './matrixChoice';
import type { GridOptions } from './matrixGrid';
import { gridOf, matrixCaption } from './MatrixView';
import { reportBody, reportHtml } from './report/reportHtml';
import { buildReport, CHART_LABELS, type ChartId, type ReportData, type ReportOptions } from './report/reportData';
import { documentsKept, REPORT_OVERLAP, type ComparePair } from './report/reportAgreement';
import { ReportAgreementOptions } from './ReportAgreementOptions';
import { restrictionOf, type RestrictionChoice } from './restriction';
import { fileName, saveBase64, saveText, savedMessage } from './saveFile';
import { useAnalysisService, useAnalysisStatus } from './useAnalysis';
import { useAttributes } from './useAttributes';
import { reportTitle } from './useProjectName';
import { errorMessage } from '../../../common/errorMessage';

interface Props {
  active: boolean;
  choice: RestrictionChoice;
  coders: readonly string[] | null;
  scope: string;
  titles: ReadonlyMap<string, string>;
  documentOrder: readonly string[];
  matrix: MatrixChoice;
  grid: GridOptions;
  projectName: string | null;
}

/** The .docx writer is loaded when first used (it is the largest part of the report). */
const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function ReportView({ active, choice, coders, scope, titles, documentOrder, matrix, grid, projectName }: Props) {
  const project = useProject();
  const { api, host, store } = useServices();
  const corpus = useCorpus();
  const service = useAnalysisService();
  const { version } = useAnalysisStatus();
  const attributes = useAttributes();
  // The title follows the project's name (known late without a project file: the corpus's) until the analyst types one.
  const [typedTitle, setTypedTitle] = useState<string | null>(null);
  const [choices, setOptions] = useState<Omit<ReportOptions, 'title'>>({
    codeIds: [],
    withSubcodes: true,
    frequencyTable: true,
    charts: ['frequencies'],
    agreement: null,
    memos: false,
  });
  const options: ReportOptions = useMemo(() => ({ ...choices, title: typedTitle ?? reportTitle(projectName) }), [choices, typedTitle, projectName]);
  const [preview, setPreview] = useState<ReportData | null>(null);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Omit<ReportOptions, 'title'>>) => setOptions((o) => ({ ...o, ...patch }));
  // Coders with codings, most codings first: the pairs agreement can compare.
  const coderCounts = project.segments.coderCounts;
  const codersWithCodings = useMemo(
    () => [...coderCounts].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name),
    [coderCounts],
  );

  const kept = useMemo(() => {
    const ids = new Set(documentsKept(analysisDocuments(corpus.documents), restrictionOf(choice, coders)).map((d) => d.id));
    return corpus.documents.filter((d) => ids.has(d.id));
  }, [corpus.documents, choice, coders]);

  /** A pair compared as the agreement view compares it, over the documents the report counts that both coded. */
  const compare: ComparePair = async (pair, codeIds) => {
    const run = await runAgreement(store, kept, corpus.loadText, { coders: pair, pair, codeIds, scope: 'every', overlap: REPORT_OVERLAP });
    return { result: run.result, documents: run.documents.length, unplaced: run.unplaced };
  };

  const sources = () => ({
    service,
    codes: project.codes,
    segments: project.segments,
    memos: project.memos,
    titles,
    documentOrder,
    restriction: restrictionOf(choice, coders),
    scope,
    matrix,
    grid,
    gridOf: (answer: Parameters<typeof gridOf>[0]) => gridOf(answer, project.codes, grid, titles, matrix.attribute),
    matrixTitle: `Heat map — ${matrixCaption(matrix, grid, attributes)}`,
    coders: codersWithCodings,
    compare,
    projectName: projectName ?? undefined,
  });

  // The preview follows the choices and the coding (built off the answers, after the change settles).
  useEffect(() => {
    if (!active) return;
    let live = true;
    const timer = setTimeout(() => {
      buildReport(options, sources(), false).then(
        (report) => live && setPreview(report),
        (err: unknown) => live && setMessage(`The report could not be built: ${errorMessage(err)}`),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [active, options, version, choice, coders, matrix, grid, titles, kept, project.memos]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async (format: 'html' | 'docx') => {
    setBusy(true);
    setMessage('');
    try {
      const report = await buildReport(options, sources(), format === 'docx');
      const saved =
        format === 'html'
          ? await saveText(api, fileName('report', 'html'), 'text/html', reportHtml(report))
          : await saveBase64(api, fileName('report', 'docx'), DOCX_MIME, await (await import('./report/reportDocx')).reportDocx(report));
      setMessage(savedMessage(saved, host));
    } catch (err) {
      setMessage(`The report could not be saved: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
    }
  };

  const toggleChart = (id: ChartId) => set({ charts: options.charts.includes(id) ? options.charts.filter((c) => c !== id) : [...options.charts, id] });

  return (
    <div className="report-view">
      <form className="report-options" aria-label="Report contents" onSubmit={(e) => e.preventDefault()}>
        <label>
          Title
          <input type="text" value={options.title} onChange={(e) => setTypedTitle(e.target.value)} />
        </label>
        <CodePicker legend="Codes and their passages" codes={project.codes} selected={options.codeIds} onChange={(ids) => set({ codeIds: ids })} />
        <fieldset>
          <legend>Also include</legend>
          <label>
            <input type="checkbox" checked={options.withSubcodes} onChange={(e) => set({ withSubcodes: e.target.checked })} />
            Passages of sub-codes under their parent
          </label>
          <label>
            <input type="checkbox" checked={options.frequencyTable} onChange={(e) => set({ frequencyTable: e.target.checked })} />
            Frequency table
          </label>
          {(Object.keys(CHART_LABELS) as ChartId[]).map((id) => (
            <label key={id}>
              <input type="checkbox" checked={options.charts.includes(id)} onChange={() => toggleChart(id)} />
              Chart: {CHART_LABELS[id]}
            </label>
          ))}
          <label>
            <input type="checkbox" checked={options.memos} onChange={(e) => set({ memos: e.target.checked })} />
            Memos
          </label>
        </fieldset>
        <ReportAgreementOptions choice={options.agreement} onChange={(agreement) => set({ agreement })} coders={codersWithCodings} />
        <div className="dialog-buttons">
          <button type="button" onClick={() => window.print()} disabled={!preview}>
            Print…
          </button>
          <button type="button" onClick={() => void save('html')} disabled={busy}>
            Save HTML
          </button>
          <button type="button" onClick={() => void save('docx')} disabled={busy}>
            Save Word (.docx)
          </button>
        </div>
        <p role="status">{busy ? 'Writing the report…' : message}</p>
      </form>
      <section className="report-preview" aria-label="Report preview">
        {/* Our own markup: every text in it is escaped by reportBody, the charts are Plot's SVG. */}
        {preview && <div dangerouslySetInnerHTML={{ __html: reportBody(preview) }} />}
      </section>
    </div>
  );
}
