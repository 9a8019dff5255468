/**
 * Loads a corpus folder into the contract's CorpusListing plus the normalised texts. Files are
 * read by the same converters the app uses to add documents (converters/: .txt, .md, .html,
 * .docx, .pdf; Word and PDF in a worker thread, main/conversion). Never throws for bad input:
 * every file is listed, loaded (among the documents, with an issue when a converter has a
 * warning) or refused (an issue naming the file and why).
 * Converted Word and PDF files are cached between starts (conversionCache.ts). Pure Node (no Electron).
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { CorpusDocument, CorpusIssue, CorpusListing, DocumentSummary } from '../../common/contract';
import { sha256Hex } from '../../common/text/sha256';
import { decodeStrictUtf8 } from '../../common/text/utf8';
import { refusalReason } from '../../converters/convert';
import { documentKindOf, DOCUMENT_EXTENSIONS, extensionOf } from '../../converters/kinds';
import { convertDocument } from '../conversion/convertDocument';
import { CACHED_EXTENSIONS, ConversionCache, defaultCacheFolder } from './conversionCache';
import { parseManifest } from './manifest';
import type { ManifestDocument } from './manifest';

export const MANIFEST_FILE = 'manifest.json';
/** Larger files are refused: the viewer and exports hold whole documents in memory. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export interface LoadedCorpus {
  listing: CorpusListing;
  /** Normalised text of every listed document, by id. */
  texts: ReadonlyMap<string, string>;
}

type DocumentEntry = Pick<ManifestDocument, 'id' | 'file' | 'title'> & {
  kind: string | null;
  place: string | null;
  date: string | null;
};

/** How far a load is: the corpus's name and its documents, read or still to read. */
export interface LoadProgress {
  name: string;
  done: number;
  total: number;
}

export interface LoadOptions {
  /** Where converted Word and PDF files are cached between starts (null: nowhere); see conversionCache.ts. */
  cacheFolder?: string | null;
  /** Told once the documents to read are known (done 0), then after each one. */
  onProgress?: (progress: LoadProgress) => void;
  /**
   * The documents are read once this settles: a host opens its window or server first, for
   * reading and hashing share its thread (Word and PDF conversion, in a worker, its CPU) and
   * would hold it up by seconds.
   */
  readAfter?: Promise<unknown>;
  /** Stops reading between two documents (another project was opened): the load rejects with the signal's reason, the cache is left as it was. */
  signal?: AbortSignal;
}

export async function loadCorpus(folder: string, options: LoadOptions = {}): Promise<LoadedCorpus> {
  const root = resolve(folder);
  const issues: CorpusIssue[] = [];
  const empty = (message: string): LoadedCorpus => ({
    listing: { name: basename(root), description: null, folder: root, documents: [], issues: [{ file: root, message }] },
    texts: new Map(),
  });

  const folderStat = await stat(root).catch((error: NodeJS.ErrnoException) => error);
  if (folderStat instanceof Error) {
    return empty(folderStat.code === 'ENOENT' ? 'corpus folder not found' : `cannot open corpus folder (${folderStat.code ?? folderStat.message})`);
  }
  if (!folderStat.isDirectory()) return empty('the corpus path is not a folder');
  const realRoot = await realpath(root);

  let name = basename(root);
  let description: string | null = null;
  let entries: DocumentEntry[];
  const manifestText = await readManifest(root, realRoot);
  if (manifestText instanceof Error) {
    if (manifestText.code !== 'ENOENT') {
      issues.push({ file: MANIFEST_FILE, message: manifestText.message });
      return { listing: { name, description, folder: root, documents: [], issues }, texts: new Map() };
    }
    const files = await listFiles(root);
    const documentFiles = files.filter((file) => documentKindOf(file) !== null);
    for (const file of files.filter((f) => documentKindOf(f) === null)) {
      issues.push({ file, message: `not a document type Marginalia reads (${DOCUMENT_EXTENSIONS.map((e) => `.${e}`).join(', ')}); skipped` });
    }
    if (documentFiles.length === 0) {
      const nothing = empty('the corpus folder has no manifest.json and no documents');
      nothing.listing.issues.push(...issues);
      return nothing;
    }
    issues.unshift({
      file: MANIFEST_FILE,
      message: `no manifest.json found; listing the ${documentFiles.length} document file(s) in the folder by file name`,
    });
    entries = entriesFromFileNames(documentFiles);
  } else {
    const manifest = parseManifest(manifestText);
    for (const problem of manifest.problems) {
      issues.push({ file: problem.file ?? MANIFEST_FILE, message: `${MANIFEST_FILE} ${problem.message}` });
    }
    name = manifest.name ?? name;
    description = manifest.description;
    entries = manifest.documents.map(({ entry }) => ({
      ...entry,
      kind: entry.kind ?? null,
      place: entry.place ?? null,
      date: entry.date ?? null,
    }));
  }

  const unique = dropDuplicateIds(entries, issues);
  let done = 0;
  options.onProgress?.({ name, done, total: unique.length });
  await options.readAfter;
  options.signal?.throwIfAborted();
  const cache = await ConversionCache.open(options.cacheFolder === undefined ? defaultCacheFolder() : options.cacheFolder, realRoot);
  const loaded = await inTurns(unique, async (entry) => {
    options.signal?.throwIfAborted();
    const result = await readDocument(root, realRoot, entry, cache);
    options.onProgress?.({ name, done: ++done, total: unique.length });
    return result;
  });
  // A stopped load must not save: the cache keeps only the entries of the files just read.
  options.signal?.throwIfAborted();
  await cache.save();
  const documents: DocumentSummary[] = [];
  const texts = new Map<string, string>();
  loaded.forEach((result, i) => {
    const entry = unique[i] as DocumentEntry;
    if (!result.ok) {
      issues.push({ file: entry.file, message: result.message });
      return;
    }
    const { id, title, kind, place, date } = entry;
    for (const warning of result.warnings) issues.push({ file: entry.file, message: `loaded; ${warning}` });
    const { pageStarts } = result;
    documents.push({ id, title, kind, place, date, sha256: result.sha256, length: result.text.length, ...(pageStarts ? { pageStarts } : {}) });
    texts.set(id, result.text);
  });
  return { listing: { name, description, folder: root, documents, issues }, texts };
}

/** Large enough for 100,000 entries; a bigger "manifest" is not one. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

type ManifestReadError = Error & { code?: string };

/**
 * The manifest's text, BOM removed (Windows editors write one), or an error saying why it cannot
 * be used. Like a document, it must really live in the folder: a symlink to elsewhere is refused.
 */
async function readManifest(root: string, realRoot: string): Promise<string | ManifestReadError> {
  const refuse = (message: string, code = 'EREFUSED'): ManifestReadError => Object.assign(new Error(message), { code });
  try {
    const real = await realpath(join(root, MANIFEST_FILE));
    if (!isInside(realRoot, real)) return refuse(`${MANIFEST_FILE} leads outside the corpus folder (a link to ${real}); only a manifest inside the folder is read`);
    const info = await stat(real);
    if (!info.isFile()) return refuse(`${MANIFEST_FILE} is not a regular file`);
    if (info.size > MAX_MANIFEST_BYTES) return refuse(`${MANIFEST_FILE} is ${megabytes(info.size)} MB; a manifest is limited to ${megabytes(MAX_MANIFEST_BYTES)} MB`);
    const decoded = decodeStrictUtf8(await readFile(real));
    if (!decoded.ok) return refuse(`${MANIFEST_FILE} is ${decoded.message}`);
    return decoded.text.replace(/^\uFEFF/, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return refuse(`cannot read the manifest (${code ?? String(error)})`, code ?? 'EUNKNOWN');
  }
}

/** The full document for getDocument, or null when no listed document has this id. */
export function getCorpusDocument(corpus: LoadedCorpus, id: string): CorpusDocument | null {
  const text = corpus.texts.get(id);
  const summary = corpus.listing.documents.find((d) => d.id === id);
  return text === undefined || summary === undefined ? null : { ...summary, text };
}

function dropDuplicateIds(entries: DocumentEntry[], issues: CorpusIssue[]): DocumentEntry[] {
  const firstFileById = new Map<string, string>();
  return entries.filter((entry) => {
    const first = firstFileById.get(entry.id);
    if (first !== undefined) {
      issues.push({ file: entry.file, message: `duplicate document id "${entry.id}" (already used by ${first}); skipped` });
      return false;
    }
    firstFileById.set(entry.id, entry.file);
    return true;
  });
}

/** Files read at once: enough to overlap reading with converting. */
const READ_AT_ONCE = 2;

/**
 * Every entry read, a few at a time, the event loop let through between two: 200 conversions
 * started at once chain their promises into stalls of a second or more, while the desktop's
 * main process must keep answering the window (a project switched to while the app runs).
 */
async function inTurns<T, R>(items: readonly T[], read: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await read(items[i]!);
      await nextTurn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_AT_ONCE, items.length) }, worker));
  return results;
}

type ReadResult = { ok: true; text: string; sha256: string; warnings: string[]; pageStarts?: number[] } | { ok: false; message: string };

async function readDocument(root: string, realRoot: string, entry: DocumentEntry, cache: ConversionCache): Promise<ReadResult> {
  const escapes = { ok: false as const, message: 'the path leads outside the corpus folder; only files inside it are read' };
  if (isAbsolute(entry.file) || entry.file.includes('\0')) return escapes;
  const path = resolve(root, entry.file);
  if (!isInside(root, path)) return escapes;
  try {
    // A symlink inside the folder could still point elsewhere: check where it really leads.
    const real = await realpath(path);
    if (!isInside(realRoot, real)) return escapes;
    const info = await stat(real);
    if (!info.isFile()) return { ok: false, message: 'not a regular file' };
    if (info.size > MAX_DOCUMENT_BYTES) {
      return { ok: false, message: `file is ${megabytes(info.size)} MB; documents are limited to ${megabytes(MAX_DOCUMENT_BYTES)} MB` };
    }
    const extension = extensionOf(entry.file);
    const cached = CACHED_EXTENSIONS.has(extension);
    // The file as converted: where it really is, read as its listed name's type.
    const key = `${extension}:${relative(realRoot, real)}`;
    const hit = cached ? cache.get(key, info) : null;
    if (hit) return { ok: true, ...hit };
    const bytes = await readFile(real);
    try {
      const converted = await convertDocument(entry.file, bytes);
      const conversion = { text: converted.text, sha256: sha256Hex(converted.text), warnings: converted.warnings, pageStarts: converted.provenance.pageStarts };
      if (cached) cache.put(key, info, conversion);
      return { ok: true, ...conversion };
    } catch (refused) {
      return { ok: false, message: `refused: ${refusalReason(refused)}` };
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { ok: false, message: 'file not found in the corpus folder' };
    return { ok: false, message: `cannot read the file (${code ?? String(error)})` };
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && !rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel);
}

function megabytes(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '');
}

/** The folder's files (hidden ones, such as .DS_Store, aside), by name. */
async function listFiles(root: string): Promise<string[]> {
  const dirents = await readdir(root, { withFileTypes: true }).catch(() => []);
  return dirents
    .filter((d) => (d.isFile() || d.isSymbolicLink()) && !d.name.startsWith('.'))
    .map((d) => d.name)
    .sort();
}

/** Without a manifest: title = file name without extension; id derived from it, made unique. */
export function entriesFromFileNames(fileNames: readonly string[]): DocumentEntry[] {
  const used = new Set<string>();
  return fileNames.map((file) => {
    const title = file.replace(/\.[A-Za-z0-9]{1,8}$/, '');
    const id = uniqueId(idFromFileName(title), used);
    return { id, file, title: title === '' ? file : title, kind: null, place: null, date: null };
  });
}

/** Keeps ASCII letters (accents dropped), digits and . _ : -; other runs become "-" (the contract's id alphabet). */
export function idFromFileName(stem: string): string {
  const cleaned = stem.normalize('NFKD').replace(/\p{M}+/gu, '').replace(/[^A-Za-z0-9._:-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return (cleaned === '' ? 'document' : cleaned).slice(0, 180);
}

function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
