/**
 * The files of a .qdpx that Marginalia reads, and only those: project.qde, the id map a
 * Marginalia export adds, and the text files project.qde names (sources and notes). Each is
 * inflated when asked for, within the limits of limits.ts; everything else in the archive
 * (rich text, PDFs, pictures) is never inflated.
 */
import { decodeText } from '../../../common/text/utf8';
import { isSafeCodingId } from '../fileIds';
import { MAX_PROJECT_BYTES, MAX_SOURCE_BYTES, megabytes } from './limits';
import { ID_MAP_FILE, ID_MAP_FORMAT } from './exportQdpx';
import { isGuid, normaliseGuid } from './guid';
import { ArchiveError } from './zip/archiveError';
import { EntryTooLarge, ZipArchive } from './zip/zipArchive';
import { errorMessage } from '../../../common/errorMessage';

/** A text file project.qde names: its text, or why it could not be read (the import goes on without it). */
export type NamedText = { ok: true; text: string } | { ok: false; problem: string };

export class QdpxFiles {
  private readonly zip: ZipArchive;

  constructor(bytes: Uint8Array) {
    try {
      this.zip = new ZipArchive(bytes);
    } catch (error) {
      if (error instanceof ArchiveError) throw new ArchiveError(`This is not a readable .qdpx file. ${error.message}`);
      throw error;
    }
  }

  /** project.qde's XML; throws an Error for the analyst when there is none or it cannot be read. */
  projectXml(): string {
    const path = this.zip.has('project.qde') ? 'project.qde' : this.zip.names().find((p) => p.toLowerCase().endsWith('.qde'));
    if (!path) throw new Error('This .qdpx archive has no project.qde: it is not a REFI-QDA project.');
    let bytes: Uint8Array;
    try {
      bytes = this.zip.read(path, MAX_PROJECT_BYTES)!;
    } catch (error) {
      if (error instanceof EntryTooLarge) {
        throw new ArchiveError(`This .qdpx is refused: its ${path} inflates to more than ${megabytes(MAX_PROJECT_BYTES)}, the limit for it.`);
      }
      throw error;
    }
    return decodeText(bytes, 'project.qde');
  }

  /**
   * GUID → our id, from the map a Marginalia export writes (so a round trip keeps ids). Only
   * entries of the right shape count: a GUID key, a safe id value (see fileIds.ts).
   */
  idMap(report: string[]): Map<string, string> {
    const ids = new Map<string, string>();
    let data: Uint8Array | undefined;
    try {
      data = this.zip.read(ID_MAP_FILE, MAX_PROJECT_BYTES);
    } catch (error) {
      if (!(error instanceof EntryTooLarge)) throw error;
      report.push(`${ID_MAP_FILE} is larger than ${megabytes(MAX_PROJECT_BYTES)} and was ignored; rows keep their REFI-QDA GUIDs.`);
    }
    if (!data) return ids;
    let json: { format?: unknown; ids?: unknown };
    try {
      json = JSON.parse(decodeText(data, ID_MAP_FILE)) as typeof json;
    } catch {
      return ids;
    }
    if (json?.format !== ID_MAP_FORMAT || typeof json.ids !== 'object' || json.ids === null) return ids;
    let unsafe = 0;
    for (const [guid, id] of Object.entries(json.ids as Record<string, unknown>)) {
      if (isGuid(guid) && typeof id === 'string' && isSafeCodingId(id)) ids.set(normaliseGuid(guid), id);
      else unsafe++;
    }
    if (unsafe) report.push(`${unsafe} entr${unsafe === 1 ? 'y' : 'ies'} of ${ID_MAP_FILE} did not pair a GUID with a valid id; those rows keep their REFI-QDA GUIDs.`);
    return ids;
  }

  /**
   * A text file project.qde names: internal:// paths live under sources/; a relative path is
   * looked for there too (qualitative-coding writes a bare "board_2017.txt" for
   * sources/board_2017.txt). Undefined when the archive has no such file.
   */
  namedText(path: string | undefined): NamedText | undefined {
    const file = this.named(path);
    if (!file) return undefined;
    const { name, entry } = file;
    try {
      return { ok: true, text: decodeText(this.zip.read(entry, MAX_SOURCE_BYTES)!, name) };
    } catch (error) {
      if (error instanceof EntryTooLarge) return { ok: false, problem: `${name} is larger than ${megabytes(MAX_SOURCE_BYTES)}, the limit for one document.` };
      if (error instanceof ArchiveError) throw error;
      return { ok: false, problem: errorMessage(error) };
    }
  }

  /** A binary file project.qde names (a source's richTextPath .docx or .pdf), found as namedText finds text. */
  namedBytes(path: string | undefined): { ok: true; name: string; bytes: Uint8Array } | { ok: false; problem: string } | undefined {
    const file = this.named(path);
    if (!file) return undefined;
    try {
      return { ok: true, name: file.name, bytes: this.zip.read(file.entry, MAX_SOURCE_BYTES)! };
    } catch (error) {
      if (error instanceof EntryTooLarge) return { ok: false, problem: `${file.name} is larger than ${megabytes(MAX_SOURCE_BYTES)}, the limit for one document.` };
      throw error;
    }
  }

  private named(path: string | undefined): { name: string; entry: string } | undefined {
    if (!path) return undefined;
    const internal = /^internal:\/\/(.+)$/i.exec(path);
    const name = (internal ? internal[1]! : path.replace(/^relative:\/\//i, '')).replace(/\\/g, '/');
    const entry = [`sources/${name}`, ...(internal ? [] : [name])].find((p) => this.zip.has(p));
    return entry ? { name, entry } : undefined;
  }
}
