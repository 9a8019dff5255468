/**
 * What a backup must satisfy beyond its schema, before anything of it is stored: every rule the
 * app enforces when the analyst codes, and ids that resolve.
 * - codes: unique ids; a parent that exists, no cycle, at most MAX_CODE_DEPTH levels; sibling
 *   names distinct as the codebook compares them (nameKey); each shortcut digit on one code;
 * - documents: each id listed once (in `documents` and in `importedDocuments`);
 * - segments: unique ids; a document in the backup; end after start, within the text of an
 *   imported document (the backup has it), a quote as long as its span; codings of known codes,
 *   one per code and coder, unique coding ids;
 * - memos: one per document, of a document in the backup (or the project memo, see domain/projectMemo.ts);
 * - saved searches: unique ids (a scope's code the backup lacks is left to the restore, which drops it and says so).
 * Each problem names the row by its place in the file (e.g. "segments[3].end").
 */
import { nameKey } from '../../domain/codebook';
import type { Code } from '../../domain/model';
import { isProjectMemo } from '../../domain/projectMemo';
import { MAX_CODE_DEPTH } from '../fileLimits';
import type { Backup } from './schema';

function duplicates(problems: string[], label: string, keys: readonly string[]): void {
  const first = new Map<string, number>();
  keys.forEach((key, i) => {
    const at = first.get(key);
    if (at !== undefined) problems.push(`${label}[${i}]: duplicate id "${key}" (also ${label}[${at}])`);
    else first.set(key, i);
  });
}

/** Depth of every code (1 for a top-level one), or a problem for a missing parent, a cycle or too deep a chain. Linear. */
function codeTreeProblems(codes: readonly Code[], problems: string[]): void {
  const index = new Map(codes.map((c, i) => [c.id, i]));
  const depth = new Map<string, number>();
  codes.forEach((code, i) => {
    if (depth.has(code.id)) return;
    const chain: Code[] = [];
    const onChain = new Set<string>();
    let current: Code | undefined = code;
    let base = 0;
    while (current) {
      const known = depth.get(current.id);
      if (known !== undefined) {
        base = known;
        break;
      }
      if (onChain.has(current.id)) {
        problems.push(`codes[${index.get(current.id)}].parentId: code "${current.name}" is its own ancestor`);
        base = Number.NaN;
        break;
      }
      chain.push(current);
      onChain.add(current.id);
      if (current.parentId === null) break;
      const parent = index.get(current.parentId);
      if (parent === undefined) {
        problems.push(`codes[${index.get(current.id)}].parentId: parent code "${current.parentId}" is not in the codebook`);
        base = Number.NaN;
        break;
      }
      current = codes[parent];
    }
    for (let k = chain.length - 1; k >= 0; k--) depth.set(chain[k]!.id, base + chain.length - k);
    const deepest = depth.get(code.id)!;
    if (deepest > MAX_CODE_DEPTH && i === index.get(code.id)) {
      problems.push(`codes[${i}]: code "${code.name}" is nested ${deepest} levels deep; codebooks are read up to ${MAX_CODE_DEPTH} levels`);
    }
  });
}

function codebookRuleProblems(codes: readonly Code[], problems: string[]): void {
  const places = new Map<string, number>();
  const shortcuts = new Map<number, number>();
  codes.forEach((code, i) => {
    const place = `${code.parentId ?? ''}\u0000${nameKey(code.name)}`;
    const twin = places.get(place);
    if (twin !== undefined) problems.push(`codes[${i}].name: "${code.name}" is also the name of codes[${twin}], under the same parent`);
    else places.set(place, i);
    if (code.shortcut === null) return;
    const holder = shortcuts.get(code.shortcut);
    if (holder !== undefined) problems.push(`codes[${i}].shortcut: digit ${code.shortcut} is also the shortcut of codes[${holder}]`);
    else shortcuts.set(code.shortcut, i);
  });
}

function segmentProblems(backup: Backup, problems: string[]): void {
  const codes = new Set(backup.codes.map((c) => c.id));
  const texts = new Map<string, string | null>(backup.documents.map((d) => [d.id, null]));
  for (const d of backup.importedDocuments ?? []) texts.set(d.id, d.text);
  backup.segments.forEach((s, i) => {
    if (!texts.has(s.documentId)) problems.push(`segments[${i}].documentId: document "${s.documentId}" is not in the backup`);
    if (s.end <= s.start) problems.push(`segments[${i}].end: must be greater than start (${s.start})`);
    else if (s.quote.length !== s.end - s.start) problems.push(`segments[${i}].quote: ${s.quote.length} characters long where its offsets span ${s.end - s.start}`);
    const text = texts.get(s.documentId);
    if (text != null && s.end > text.length) problems.push(`segments[${i}].end: ${s.end} is beyond the end of its document (${text.length} characters)`);
    const applied = new Set<string>();
    const codingIds = new Set<string>();
    s.codings.forEach((c, j) => {
      if (!codes.has(c.codeId)) problems.push(`segments[${i}].codings[${j}].codeId: code "${c.codeId}" is not in the codebook`);
      // One coder puts a code on a span once (see model.ts).
      const key = `${c.codeId}\u0000${c.coder}`;
      if (applied.has(key)) problems.push(`segments[${i}].codings[${j}]: ${c.coder || 'a coder'} has this code on this passage more than once`);
      applied.add(key);
      if (codingIds.has(c.id)) problems.push(`segments[${i}].codings[${j}]: duplicate coding id "${c.id}"`);
      codingIds.add(c.id);
    });
  });
  backup.memos.forEach((m, i) => {
    if (!texts.has(m.documentId) && !isProjectMemo(m)) problems.push(`memos[${i}].documentId: document "${m.documentId}" is not in the backup`);
  });
}

/** Every problem of a schema-valid backup, or none. */
export function backupProblems(backup: Backup): string[] {
  const problems: string[] = [];
  duplicates(problems, 'codes', backup.codes.map((c) => c.id));
  duplicates(problems, 'documents', backup.documents.map((d) => d.id));
  duplicates(problems, 'importedDocuments', (backup.importedDocuments ?? []).map((d) => d.id));
  duplicates(problems, 'segments', backup.segments.map((s) => s.id));
  duplicates(problems, 'memos', backup.memos.map((m) => m.documentId));
  duplicates(problems, 'savedSearches', (backup.savedSearches ?? []).map((s) => s.id));
  codeTreeProblems(backup.codes, problems);
  codebookRuleProblems(backup.codes, problems);
  segmentProblems(backup, problems);
  return problems;
}
