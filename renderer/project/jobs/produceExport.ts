/**
 * The export job: read the corpus texts the format needs, build the ProjectData with every
 * coded document placed in its current text, and ask the format (through the registry) for
 * the file's content. Saving it is the caller's (main saves, or the browser downloads).
 */
import { ExportCancelled, type ExportOptions, type ProducedExport } from '../../formats/format';
import type { ProjectData } from '../../formats/projectData';
import { exportFormat } from '../../formats/registry';
import type { Placements } from '../placements';
import type { ReadableDocument } from '../corpus';
import { buildProjectData, corpusTextsNeeded, type ProjectState } from './exportData';
import { errorMessage } from '../../../common/errorMessage';

export interface ExportSource {
  listing: readonly ReadableDocument[];
  loadText: (documentId: string) => Promise<string>;
  state: ProjectState;
  placements: Placements;
}

/** What the job is doing, for a busy label: reading documents, then writing the file. */
export type ExportStage = 'reading' | 'writing';

export interface ExportJobOptions extends ExportOptions {
  onStage?: (stage: ExportStage) => void;
}

const cancelled = () => new ExportCancelled('Export cancelled.');

/** The file content of one format for `data`. */
export async function produceExport(formatId: string, data: ProjectData, options: ExportOptions): Promise<ProducedExport> {
  const produced = await exportFormat(formatId).export.write(data, options);
  if (options.cancelled?.()) throw cancelled();
  return produced;
}

async function loadTexts(ids: readonly string[], source: ExportSource): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  await Promise.all(
    ids.map(async (id) => {
      try {
        texts.set(id, await source.loadText(id));
      } catch (err) {
        const title = source.listing.find((d) => d.id === id)?.title ?? id;
        throw new Error(`“${title}” could not be read: ${errorMessage(err)}`);
      }
    }),
  );
  return texts;
}

/** Exports the project in one format, offsets placed in the current texts (unless the format writes stored rows). */
export async function exportProject(formatId: string, source: ExportSource, options: ExportJobOptions): Promise<ProducedExport> {
  const { texts: need } = exportFormat(formatId).export;
  const needed = corpusTextsNeeded(need, source.listing, source.state.segments.all());
  if (needed.length) options.onStage?.('reading');
  const texts = await loadTexts(needed, source);
  if (options.cancelled?.()) throw cancelled();
  const data = buildProjectData(source.listing, texts, source.state, need === 'none' ? undefined : source.placements);
  options.onStage?.('writing');
  return produceExport(formatId, data, options);
}
