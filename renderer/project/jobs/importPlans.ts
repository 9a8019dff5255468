/**
 * Imports as one Change each (one transaction, one Undo), built on planRestore, by what the
 * file brings (see Incoming in formats/format.ts):
 * - a whole project (a backup): replace or merge;
 * - additions (e.g. a .qdpx): merged in (codes matched by path, ids kept), its documents as
 *   imported documents unless the corpus already has the very same text;
 * - a codebook (a .qdc): its codes merged in (paths that exist are skipped).
 * Every plan comes with lines for the analyst: what was added, matched, skipped or conflicted.
 */
import { rowsById, type Change, type Patch } from '../../domain/change';
import { codePath, codesById } from '../../domain/codeTree';
import { PROJECT_MEMO_KEY } from '../../domain/projectMemo';
import { BACKUP_FORMAT, BACKUP_VERSION, type Backup } from '../../formats/backup/backup';
import type { Additions, Incoming } from '../../formats/format';
import { planRestore, type RestoreTarget } from '../../formats/backup/restore';
import { offsetNotes, withoutCorpusShadows, type CorpusRef } from './backupCorpus';
import type { Attribute, Code, DocumentInfo, DocumentMemo, ImportedDocument, Segment, Settings } from '../../domain/model';
import { plural } from '../../../common/plural';

export interface ImportTarget extends RestoreTarget {
  importedDocuments: readonly ImportedDocument[];
  settings: Settings;
  /** Absent where a caller has none: no attributes defined, no document rows. */
  attributes?: readonly Attribute[];
  documentInfo?: readonly DocumentInfo[];
}

export type { CorpusRef } from './backupCorpus';

export interface ImportPlan {
  change: Change;
  /** One line: what the change writes, per table. */
  summary: string;
  /** What could not be represented, was matched, skipped or conflicted. */
  notes: string[];
}

export function isProjectEmpty(state: ImportTarget): boolean {
  return (
    state.codes.length === 0 &&
    state.segments.length === 0 &&
    state.memos.length === 0 &&
    state.importedDocuments.length === 0 &&
    (state.savedSearches ?? []).length === 0
  );
}

const TABLE_NOUNS: Record<keyof Patch, [string, string]> = {
  codes: ['code', 'codes'],
  segments: ['segment', 'segments'],
  memos: ['document memo', 'document memos'],
  documents: ['document', 'documents'],
  attributes: ['attribute', 'attributes'],
  documentInfo: ['document title or attribute value', 'document titles or attribute values'],
  savedSearches: ['saved search', 'saved searches'],
};

const counted = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** The project memo is a row of the memos table (domain/projectMemo.ts) but is named as itself. */
const PROJECT_MEMO_NOUNS: [string, string] = ['project memo', 'project memos'];
const nounsOf = (table: keyof Patch, key: string) => (table === 'memos' && key === PROJECT_MEMO_KEY ? PROJECT_MEMO_NOUNS : TABLE_NOUNS[table]);

/** Whether a row was only given a position (an existing code numbered so new ones can follow it). */
function onlyPlaced(before: object, after: object): boolean {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (key === 'position' || key === 'updatedAt') continue;
    if ((before as Record<string, unknown>)[key] !== (after as Record<string, unknown>)[key]) return false;
  }
  return true;
}

/**
 * "Added 2 codes and 3 segments; replaced 1 document memo; removed 5 codes." Codes only given a
 * position (numbered in the order they were shown, so imported ones can follow them) are not
 * counted: nothing the analyst sees of them changed.
 */
export function describeChange(change: Change): string {
  const added: string[] = [];
  const replaced: string[] = [];
  const removed: string[] = [];
  for (const table of Object.keys(TABLE_NOUNS) as Array<keyof Patch>) {
    // Rows counted per noun: [added, replaced, removed].
    const counts = new Map<[string, string], [number, number, number]>();
    for (const [key, after] of Object.entries(change.forward[table] ?? {})) {
      const before = change.backward[table]?.[key] ?? null;
      if (after !== null && before && table === 'codes' && onlyPlaced(before, after)) continue;
      const nouns = nounsOf(table, key);
      const n = counts.get(nouns) ?? [0, 0, 0];
      if (after === null) n[2] += before ? 1 : 0;
      else if (!before) n[0]++;
      else n[1]++;
      counts.set(nouns, n);
    }
    for (const [nouns, [a, r, d]] of counts) {
      if (a) added.push(counted(a, nouns));
      if (r) replaced.push(counted(r, nouns));
      if (d) removed.push(counted(d, nouns));
    }
  }
  const list = (items: string[]) => (items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : items[0]);
  const parts = [
    added.length ? `added ${list(added)}` : '',
    replaced.length ? `replaced ${list(replaced)}` : '',
    removed.length ? `removed ${list(removed)}` : '',
  ].filter(Boolean);
  if (!parts.length) return 'Nothing new: the project already had all of it.';
  const text = parts.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

const quoteList = (names: string[], max = 10) =>
  names.slice(0, max).map((n) => `"${n}"`).join(', ') + (names.length > max ? ` and ${names.length - max} more` : '');

function asBackup(parts: Partial<Backup> & { settings: Settings }, now: string): Backup {
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    documents: [],
    codes: [],
    segments: [],
    memos: [],
    ...parts,
  };
}

/** What a backup restore knows besides the backup: what reading it changed, the corpus texts its segments point into. */
export interface BackupContext {
  /** Lines from reading the file (e.g. ids re-issued). */
  report?: readonly string[];
  /** Texts of corpus documents, to check the backup's offsets into them (see backupCorpus.ts). */
  texts?: ReadonlyMap<string, string>;
  /** When the import happens (stamped on rows it changes). */
  now?: string;
}

/** Restoring a parsed backup: replace everything, or merge it in. */
export function planBackupRestore(
  current: ImportTarget,
  parsed: Backup,
  mode: 'replace' | 'merge',
  corpus: readonly CorpusRef[] | null,
  context: BackupContext = {},
): ImportPlan {
  const { backup, notes: shadowNotes } = withoutCorpusShadows(parsed, corpus ?? []);
  const plan = planRestore(current, backup, mode, context.now);
  const notes = [...(context.report ?? []), ...shadowNotes, ...plan.report.conflicts];
  if (corpus && context.texts) notes.push(...offsetNotes(backup, corpus, context.texts));
  if (corpus && corpus.length) {
    const corpusById = new Map(corpus.map((d) => [d.id, d]));
    // A project folder does not record its corpus texts' hashes (sha256 ''): placement checks its quotes.
    const changed = backup.documents.filter((d) => {
      const here = corpusById.get(d.id);
      return here && d.sha256 !== '' && here.sha256 !== d.sha256;
    });
    if (changed.length) {
      notes.push(
        `The text of ${quoteList(changed.map((d) => d.title))} changed since the backup; their segments are placed again by their quotes where possible.`,
      );
    }
    const known = new Set([
      ...corpus.map((d) => d.id),
      ...(backup.importedDocuments ?? []).map((d) => d.id),
      ...(mode === 'merge' ? current.importedDocuments.map((d) => d.id) : []),
    ]);
    const missing = new Set(backup.segments.filter((s) => !known.has(s.documentId)).map((s) => s.documentId));
    if (missing.size) {
      const titles = backup.documents.filter((d) => missing.has(d.id)).map((d) => d.title || d.id);
      notes.push(`Segments of ${plural(missing.size, 'document')} not in this corpus were kept but cannot be shown: ${quoteList(titles)}.`);
    }
  }
  return { change: plan.change, summary: describeChange(plan.change), notes };
}

/** An id not in `taken` (which it then joins): id, id-2, id-3 … */
function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-${n}`;
  taken.add(candidate);
  return candidate;
}

/** Paths of the incoming codes the plan did not add because a code with that path was already here (not the same code by id). */
function matchedCodePaths(incoming: readonly Code[], change: Change, current: readonly Code[]): string[] {
  const currentIds = new Set(current.map((c) => c.id));
  const byId = codesById(incoming);
  return incoming.filter((c) => !(c.id in change.forward.codes) && !currentIds.has(c.id)).map((c) => codePath(byId, c.id));
}

export interface ImportFile {
  now: string;
  fileName: string;
}

/** Documents, codes, segments and memos (e.g. of a REFI-QDA project) merged into the current project. */
export function planAdditions(current: ImportTarget, imported: Additions, corpus: readonly CorpusRef[], options: ImportFile): ImportPlan {
  const notes: string[] = [];
  const corpusById = new Map(corpus.map((d) => [d.id, d]));
  const localById = new Map(current.importedDocuments.map((d) => [d.id, d]));
  const takenDocIds = new Set([...corpusById.keys(), ...localById.keys(), ...imported.documents.map((d) => d.id)]);
  const currentSegmentIds = new Set(current.segments.map((s) => s.id));
  const takenSegmentIds = new Set([...currentSegmentIds, ...imported.segments.map((s) => s.id)]);
  const renamed = new Map<string, string>();
  const documents: ImportedDocument[] = [];
  const inCorpus: string[] = [];
  // A document here with the same normalised text, whatever its id (another tool's GUID).
  const byText = new Map<string, { id: string; title: string }>();
  for (const d of [...corpus, ...current.importedDocuments]) if (!byText.has(d.sha256)) byText.set(d.sha256, { id: d.id, title: d.title });
  const sameText: string[] = [];

  for (const doc of imported.documents) {
    const existing = corpusById.get(doc.id) ?? localById.get(doc.id);
    if (existing && existing.sha256 === doc.sha256) {
      // The very same text is already here: its codings attach to it, no second copy.
      if (corpusById.has(doc.id)) inCorpus.push(doc.title);
      else documents.push(doc); // merge keeps the current row
      continue;
    }
    const twin = byText.get(doc.sha256);
    if (twin) {
      renamed.set(doc.id, twin.id);
      sameText.push(`"${doc.title}" → "${twin.title}"`);
      continue;
    }
    byText.set(doc.sha256, { id: doc.id, title: doc.title });
    if (existing) {
      const id = uniqueId(doc.id, takenDocIds);
      renamed.set(doc.id, id);
      documents.push({ ...doc, id });
      notes.push(`"${doc.title}" has the id of a different document here; it was imported as a separate document.`);
      continue;
    }
    documents.push(doc);
  }
  if (inCorpus.length) notes.push(`Already in the corpus with the same text, so only their codings were added: ${quoteList(inCorpus)}.`);
  if (sameText.length) notes.push(`${plural(sameText.length, 'document has', 'documents have')} the same text as a document here, under another id; ${sameText.length === 1 ? 'its' : 'their'} codings were put on it: ${sameText.join(', ')}.`);

  const segments: Segment[] = imported.segments.map((s) => {
    const documentId = renamed.get(s.documentId);
    if (!documentId) return s;
    // Segments of a renamed document are new segments: give them fresh ids if theirs are taken.
    const id = currentSegmentIds.has(s.id) ? uniqueId(s.id, takenSegmentIds) : s.id;
    return { ...s, id, documentId };
  });
  const memos: DocumentMemo[] = imported.memos.map((m) => {
    const documentId = renamed.get(m.documentId);
    return documentId ? { ...m, documentId } : m;
  });

  const plan = planRestore(
    current,
    asBackup({ codes: imported.codes, segments, memos, importedDocuments: documents, settings: current.settings }, options.now),
    'merge',
    options.now,
  );
  const matched = matchedCodePaths(imported.codes, plan.change, current.codes);
  if (matched.length) notes.push(`${plural(matched.length, 'code')} matched existing codes by path: ${quoteList(matched)}.`);
  notes.push(...plan.report.conflicts, ...imported.report);
  const change = { ...plan.change, label: `Import ${options.fileName}` };
  addAttributes(change, current, imported, (id) => renamed.get(id) ?? id, options.now, notes);
  return { change, summary: describeChange(change), notes };
}

/**
 * The file's document attributes, matched to those defined here by name (case-insensitive; a
 * new one is added after them), and each document's values written into its row.
 */
function addAttributes(change: Change, current: ImportTarget, imported: Additions, documentIdOf: (id: string) => string, now: string, notes: string[]): void {
  if (!imported.attributes?.length) return;
  const here = current.attributes ?? [];
  const byName = new Map(here.map((a) => [a.name.toLocaleLowerCase(), a]));
  const idFor = new Map<string, string>();
  let position = here.reduce((max, a) => Math.max(max, a.position + 1), 0);
  const forward = (change.forward.attributes ??= rowsById());
  const backward = (change.backward.attributes ??= rowsById());
  const added: string[] = [];
  for (const attribute of imported.attributes) {
    const match = byName.get(attribute.name.toLocaleLowerCase());
    if (match) {
      idFor.set(attribute.id, match.id);
      continue;
    }
    const id = here.some((a) => a.id === attribute.id) ? `${attribute.id}-${position}` : attribute.id;
    const row = { ...attribute, id, position: position++ };
    forward[id] = row;
    backward[id] = null;
    byName.set(row.name.toLocaleLowerCase(), row);
    idFor.set(attribute.id, id);
    added.push(row.name);
  }
  const infoForward = (change.forward.documentInfo ??= rowsById());
  const infoBackward = (change.backward.documentInfo ??= rowsById());
  for (const info of imported.documentInfo ?? []) {
    const documentId = documentIdOf(info.documentId);
    const before = current.documentInfo?.find((i) => i.documentId === documentId) ?? null;
    const values = Object.fromEntries(Object.entries(info.attributes).map(([id, value]) => [idFor.get(id) ?? id, value]));
    const base = infoForward[documentId] ?? before ?? { documentId, title: null, attributes: {}, removed: false, updatedAt: now };
    infoForward[documentId] = { ...base, attributes: { ...base.attributes, ...values }, updatedAt: now };
    if (!(documentId in infoBackward)) infoBackward[documentId] = before;
  }
  if (added.length) notes.push(`${added.length} attribute(s) added from the file's variables: ${quoteList(added)}.`);
}

/** A codebook merged into the codebook: codes whose paths exist are skipped. */
export function planCodebook(current: ImportTarget, imported: { codes: Code[]; report: string[] }, options: ImportFile): ImportPlan {
  const plan = planRestore(current, asBackup({ codes: imported.codes, settings: current.settings }, options.now), 'merge', options.now);
  const notes: string[] = [];
  const skipped = matchedCodePaths(imported.codes, plan.change, current.codes);
  if (skipped.length) notes.push(`Skipped ${plural(skipped.length, 'code')} whose paths already exist: ${quoteList(skipped)}.`);
  notes.push(...plan.report.conflicts, ...imported.report);
  const change = { ...plan.change, label: `Import codebook ${options.fileName}` };
  return { change, summary: describeChange(change), notes };
}

/** Whether the analyst must first choose to replace the project or merge into it: a whole project coming into one that is not empty. */
export function asksReplaceOrMerge(incoming: Incoming, current: ImportTarget): boolean {
  return incoming.kind === 'project' && !isProjectEmpty(current);
}

/**
 * The plan for what a file brings. `mode` is the analyst's choice for a whole project (see
 * asksReplaceOrMerge; into an empty project it replaces); additions and codebooks always merge.
 */
export function planImport(
  incoming: Incoming,
  current: ImportTarget,
  corpus: readonly CorpusRef[],
  file: ImportFile,
  mode: 'replace' | 'merge' = 'replace',
  texts?: ReadonlyMap<string, string>,
): ImportPlan {
  switch (incoming.kind) {
    case 'project':
      return planBackupRestore(current, incoming.backup, mode, corpus, { report: incoming.report, texts, now: file.now });
    case 'additions':
      return planAdditions(current, incoming.additions, corpus, file);
    case 'codebook':
      return planCodebook(current, incoming, file);
  }
}
