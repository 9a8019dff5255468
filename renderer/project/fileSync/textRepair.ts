/**
 * Imported documents' texts the project folder lost (documents/<sha256>.txt missing or damaged),
 * brought back at start, before the database and the file are compared:
 *
 * - A text this window's database still holds is sent to main, which writes it only once it has
 *   checked that its bytes hash to the SHA-256 a document of the project refers to (never trusting
 *   the page). A project open read-only is not written to; the analyst is told either way.
 * - A database loaded from the file while a text was unavailable remembers which texts it lacks
 *   (UNAVAILABLE_KEY): once main has one of them again (the file was put back, or restored by
 *   another window), the database is loaded from the file again and the document is whole.
 */
import type { MarginaliaApi } from '../../../common/contract';
import { errorMessage } from '../../../common/errorMessage';
import type { ProjectContent, ProjectInfo, UnavailableText } from '../../../common/projectApi';
import { UNAVAILABLE_FIELD } from '../../../common/projectDocuments';
import type { ProjectRow } from '../../../common/projectFile';
import { sha256Hex } from '../../../common/text/sha256';
import type { MarginaliaDb } from '../../store/db';

/** The settings row listing the texts the database's documents were loaded without. */
const UNAVAILABLE_KEY = 'textsUnavailable';

export type TextRepairApi = Pick<MarginaliaApi, 'unavailableTexts' | 'restoreDocumentText'>;

export interface TextRepair {
  notices: string[];
  /** The database lacks texts the project file has again: it should be loaded from the file. */
  databaseLacksTexts: boolean;
  /** Texts the file lacks and this window holds (by SHA-256): kept when the database is loaded from the file. */
  copies: ReadonlyMap<string, string>;
}

const NOTHING: TextRepair = { notices: [], databaseLacksTexts: false, copies: new Map() };

export async function restoreLostTexts(api: TextRepairApi, db: MarginaliaDb, info: ProjectInfo): Promise<TextRepair> {
  let lost: UnavailableText[];
  try {
    lost = await api.unavailableTexts({ projectId: info.id });
  } catch (err) {
    return { ...NOTHING, notices: [`Whether the project file still holds every document’s text could not be checked (${errorMessage(err)}).`] };
  }
  const lacking = await readLacking(db);
  const stillLost = new Set(lost.map((t) => t.sha256));
  const databaseLacksTexts = lacking.some((sha256) => !stillLost.has(sha256));
  if (lost.length === 0) return { ...NOTHING, databaseLacksTexts };

  const copies = await copiesOf(db, stillLost);
  const notices: string[] = [];
  for (const [sha256, text] of copies) {
    const titles = lost.filter((t) => t.sha256 === sha256).map((t) => `“${t.title}”`);
    if (info.readOnly !== null) {
      notices.push(
        `The project file lost the text of ${titles.join(', ')}; this window still holds it, but the project is open read-only here, so it was not written back. Open the project where it can be saved to restore it.`,
      );
      continue;
    }
    try {
      await api.restoreDocumentText({ projectId: info.id, sha256, text });
      for (const title of titles) notices.push(`Restored the text of ${title} from this window’s copy.`);
    } catch (err) {
      notices.push(`The text of ${titles.join(', ')} could not be restored from this window’s copy: ${errorMessage(err)}`);
    }
  }
  return { notices, databaseLacksTexts, copies };
}

/**
 * The project file's content as the database keeps it: a document whose text the file lacks gets
 * this window's copy back (a project open read-only keeps it so); the texts still lacking are
 * remembered — before the content is written, so a window closed in between loads again.
 */
export async function withCopies(db: MarginaliaDb, content: ProjectContent, copies: ReadonlyMap<string, string>): Promise<ProjectContent> {
  const lacking = new Set<string>();
  const documents = content.tables.documents.map((row): ProjectRow => {
    if (typeof row[UNAVAILABLE_FIELD] !== 'string') return row;
    const sha256 = String(row.sha256);
    const copy = copies.get(sha256);
    if (copy === undefined) {
      lacking.add(sha256);
      return row;
    }
    const { [UNAVAILABLE_FIELD]: _problem, ...whole } = row;
    return { ...whole, text: copy };
  });
  await db.settings.put({ key: UNAVAILABLE_KEY, value: [...lacking] });
  return { ...content, tables: { ...content.tables, documents } };
}

async function readLacking(db: MarginaliaDb): Promise<string[]> {
  const value = (await db.settings.get(UNAVAILABLE_KEY))?.value;
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** The texts the database holds for these hashes, each checked to be that very text. */
async function copiesOf(db: MarginaliaDb, sha256s: ReadonlySet<string>): Promise<Map<string, string>> {
  const copies = new Map<string, string>();
  await db.documents
    .filter((row) => sha256s.has(row.sha256) && typeof row.text === 'string')
    .each((row) => {
      if (!copies.has(row.sha256) && sha256Hex(row.text) === row.sha256) copies.set(row.sha256, row.text);
    });
  return copies;
}
