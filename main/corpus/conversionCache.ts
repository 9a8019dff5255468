/**
 * Converted texts of a corpus folder's Word and PDF files, kept on disk between starts: a second
 * start with the same files converts nothing (a 300-page PDF takes seconds; reading its text
 * back, milliseconds). One JSON file per corpus folder in the cache folder; an entry holds while
 * its file has the same size, modification and change times and the converters are the same
 * version. Each save keeps only the entries of the files just loaded, so the cache never holds
 * more than the folder's current documents. A cache that cannot be read or written is only slower.
 */
import { createHash } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { CONVERTERS_VERSION } from '../../converters/kinds';

/** What a conversion gave, as loadCorpus keeps it. */
export interface Conversion {
  text: string;
  /** Of the text (common/text/sha256): hashing 10 MB of text again costs more than reading it back. */
  sha256: string;
  warnings: string[];
  pageStarts?: number[];
}

interface Entry extends Conversion {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
}

interface CacheFile {
  version: number;
  folder: string;
  entries: Record<string, Entry>;
}

/** Document kinds worth caching: the ones whose conversion costs more than reading the file. */
export const CACHED_EXTENSIONS: ReadonlySet<string> = new Set(['docx', 'pdf']);
/** Cache files not rewritten for this long (a folder whose files never change) are removed when another is saved. */
const UNUSED_FOR_MS = 60 * 24 * 3600 * 1000;
const FORMAT = 1;

/**
 * Where caches live: MARGINALIA_CACHE_DIR when set (empty: no cache), else the system's cache
 * folder (%LOCALAPPDATA%, ~/Library/Caches, $XDG_CACHE_HOME or ~/.cache), which the system or the
 * analyst may empty at any time.
 */
export function defaultCacheFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string | null {
  const set = env.MARGINALIA_CACHE_DIR;
  if (set !== undefined) return set === '' ? null : set;
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Marginalia', 'Cache', 'corpus');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'Marginalia', 'corpus');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'marginalia', 'corpus');
}

export class ConversionCache {
  private readonly kept: Record<string, Entry> = {};
  private changed = false;

  private constructor(
    private readonly path: string | null,
    private readonly folder: string,
    private readonly previous: Readonly<Record<string, Entry>>,
  ) {}

  /** The cache of a corpus folder (its real path); without a cache folder, one that keeps nothing. */
  static async open(cacheFolder: string | null, folder: string): Promise<ConversionCache> {
    if (cacheFolder === null) return new ConversionCache(null, folder, {});
    const path = join(cacheFolder, `${createHash('sha256').update(folder).digest('hex').slice(0, 32)}.json`);
    let previous: Record<string, Entry> = {};
    try {
      const file = JSON.parse(await readFile(path, 'utf8')) as CacheFile;
      if (file.version === version() && file.folder === folder && typeof file.entries === 'object') previous = file.entries;
    } catch {
      // No cache yet, or one that cannot be read: every file is converted.
    }
    return new ConversionCache(path, folder, previous);
  }

  /** The cached conversion of a file (by its path in the folder) when the file is as it was. */
  get(file: string, info: Stats): Conversion | null {
    const entry = this.previous[file];
    if (!entry || entry.size !== info.size || entry.mtimeMs !== info.mtimeMs || entry.ctimeMs !== info.ctimeMs || !wellFormed(entry)) return null;
    this.kept[file] = entry;
    const { text, sha256, warnings, pageStarts } = entry;
    return { text, sha256, warnings, ...(pageStarts ? { pageStarts } : {}) };
  }

  put(file: string, info: Stats, conversion: Conversion): void {
    if (this.path === null) return;
    this.kept[file] = { ...conversion, size: info.size, mtimeMs: info.mtimeMs, ctimeMs: info.ctimeMs };
    this.changed = true;
  }

  /** Writes the entries of this load (when any changed or went away): atomically, by a rename. */
  async save(): Promise<void> {
    if (this.path === null) return;
    const gone = Object.keys(this.previous).some((file) => !(file in this.kept));
    if (!this.changed && !gone) return;
    const folder = join(this.path, '..');
    const partial = `${this.path}.${process.pid}.partial`;
    try {
      await mkdir(folder, { recursive: true });
      const file: CacheFile = { version: version(), folder: this.folder, entries: this.kept };
      await writeFile(partial, JSON.stringify(file));
      await rename(partial, this.path);
      await removeUnused(folder, this.path);
    } catch (error) {
      await rm(partial, { force: true }).catch(() => undefined);
      console.warn(`The converted documents could not be cached in ${folder}:`, error);
    }
  }
}

/** An entry as this code writes them (a cache file edited or cut short by hand is not trusted). */
function wellFormed(entry: Entry): boolean {
  return (
    typeof entry.text === 'string' &&
    typeof entry.sha256 === 'string' &&
    Array.isArray(entry.warnings) &&
    entry.warnings.every((w) => typeof w === 'string') &&
    (entry.pageStarts === undefined || (Array.isArray(entry.pageStarts) && entry.pageStarts.every((n) => Number.isInteger(n) && n >= 0 && n <= entry.text.length)))
  );
}

/** The cache's own format and the converters' version: either changed, every file is converted again. */
const version = () => FORMAT * 1000 + CONVERTERS_VERSION;

async function removeUnused(folder: string, current: string): Promise<void> {
  const now = Date.now();
  for (const name of await readdir(folder)) {
    const path = join(folder, name);
    if (path === current || !name.endsWith('.json')) continue;
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > UNUSED_FOR_MS) await rm(path, { force: true });
  }
}
