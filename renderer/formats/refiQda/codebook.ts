/**
 * The codebook in REFI-QDA terms: nested <Code> elements (hierarchy by nesting, colour as
 * #RRGGBB, description as <Description>). Shared by project.qde and the .qdc codebook file.
 */
import { decodeText } from '../../../common/text/utf8';
import { DomainError } from '../../domain/change';
import { flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import { ColourCounter } from '../../domain/palette';
import { shownId } from '../fileIds';
import { MAX_CODE_DEPTH } from '../fileLimits';
import { guidFor, normaliseGuid } from './guid';
import { RowIds } from './rowIds';
import { xmlDocument, type XmlElement } from './xmlWriter';
import { attr, child, children, parseXml, textOf, type XmlNode } from './xmlReader';
import { plural } from '../../../common/plural';

export const CODEBOOK_NAMESPACE = 'urn:QDA-XML:codebook:1.0';

/** Codes as nested <Code> elements in codebook tree order. */
export function codeElements(codes: readonly Code[]): XmlElement[] {
  const elements = new Map<string, XmlElement & { children: XmlElement[] }>();
  const roots: XmlElement[] = [];
  for (const { code } of flattenTree(codes)) {
    const element = {
      name: 'Code',
      attrs: { guid: guidFor('code', code.id), name: code.name, isCodable: true, color: code.colour },
      children: code.description ? [{ name: 'Description', children: code.description }] : [],
    };
    elements.set(code.id, element);
    const parent = code.parentId ? elements.get(code.parentId) : undefined;
    (parent ? parent.children : roots).push(element);
  }
  return roots;
}

export function exportQdc(codes: readonly Code[]): string {
  if (codes.length === 0) throw new DomainError('The codebook is empty: there is nothing to export.');
  return xmlDocument({
    name: 'CodeBook',
    attrs: { xmlns: CODEBOOK_NAMESPACE, origin: 'Marginalia' },
    children: [{ name: 'Codes', children: codeElements(codes) }],
  });
}

export interface CodeReadOptions {
  now: string;
  /** Our ids for the codes' GUIDs (a file we wrote maps back to our ids); by default the GUIDs, checked. */
  ids?: RowIds;
  /** Text of a note by GUID, to keep code memos (appended to the description). */
  noteText?: (guid: string) => string | undefined;
}

export interface CodeReadResult {
  codes: Code[];
  /** Normalised GUID (or the attribute as written, when it is none) → code id, for CodeRefs. */
  idByGuid: Map<string, string>;
  report: string[];
}

/** A name as a report line quotes it (paths of long names would make unreadable lines). */
const shortened = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

const SHORT_HEX = /^#([0-9a-fA-F])([0-9a-fA-F])([0-9a-fA-F])$/;

/** The file's colour, or the palette's next one; either way counted in `taken`. */
function colourOf(value: string | undefined, taken: ColourCounter): string {
  const v = value?.trim() ?? '';
  const short = SHORT_HEX.exec(v);
  const colour = /^#[0-9a-fA-F]{6}$/.test(v) ? v : short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase() : taken.next();
  taken.use(colour);
  return colour;
}

/** Reads nested <Code> elements under a <Codes> element. */
export function readCodes(codesNode: XmlNode | undefined, options: CodeReadOptions): CodeReadResult {
  const result: CodeReadResult = { codes: [], idByGuid: new Map(), report: [] };
  const ids = options.ids ?? new RowIds('code', new Map(), result.report);
  const colours = new ColourCounter();
  let tooDeep = 0;
  // Siblings keep the file's order as their manual positions (0, 1, 2 … under each parent).
  const walk = (node: XmlNode, parentId: string | null, depthPath: string, depth: number, position: number) => {
    if (depth > MAX_CODE_DEPTH) {
      tooDeep++;
      return;
    }
    const rawGuid = attr(node, 'guid') ?? '';
    const name = (attr(node, 'name') ?? '').trim() || 'Unnamed code';
    const path = depthPath ? `${depthPath} > ${shortened(name)}` : shortened(name);
    // A missing, malformed or repeated GUID gets a new id (reported): the code and its sub-codes
    // are kept. CodeRefs find a code by its GUID as written; a repeated one names the first.
    const id = ids.idFor(rawGuid, `Code "${path}"`);
    const guid = normaliseGuid(rawGuid);
    if (guid && !result.idByGuid.has(guid)) result.idByGuid.set(guid, id);
    let description = textOf(node, 'Description') ?? '';
    for (const ref of children(node, 'NoteRef')) {
      const note = options.noteText?.(normaliseGuid(attr(ref, 'targetGUID') ?? ''));
      if (note === undefined) continue;
      description = description ? `${description}\n\n${note}` : note;
      result.report.push(`The memo on code "${path}" was added to its description (Marginalia has no code memos).`);
    }
    if (attr(node, 'isCodable') === 'false') {
      result.report.push(`Code "${path}" is not codable in the source; it was imported as an ordinary code.`);
    }
    const finalName = name.length > 200 ? name.slice(0, 200) : name;
    if (finalName !== name) result.report.push(`The name of code "${path}" was shortened to 200 characters.`);
    result.codes.push({
      id,
      name: finalName,
      colour: colourOf(attr(node, 'color'), colours),
      description,
      parentId,
      shortcut: null,
      position,
      createdAt: options.now,
      updatedAt: options.now,
    });
    children(node, 'Code').forEach((sub, i) => walk(sub, id, path, depth + 1, i));
  };
  children(codesNode, 'Code').forEach((node, i) => walk(node, null, '', 1, i));
  if (tooDeep) result.report.push(`Codes nested deeper than ${MAX_CODE_DEPTH} levels were not imported (${tooDeep} with their sub-codes).`);
  return result;
}

export interface QdcRead {
  codes: Code[];
  report: string[];
}

/** Reads a .qdc codebook file. Throws on XML that is not well-formed or not a codebook. */
export function importQdc(xml: string, options: { now?: string } = {}): QdcRead {
  const root = child(parseXml(xml, 'The codebook file'), 'CodeBook');
  if (!root) throw new Error('The codebook file has no <CodeBook> root element: it is not a REFI-QDA codebook (.qdc).');
  const { codes, report } = readCodes(child(root, 'Codes'), { now: options.now ?? new Date().toISOString() });
  const sets = children(child(root, 'Sets'), 'Set');
  if (sets.length) report.push(`${plural(sets.length, 'code set was', 'code sets were')} not imported (Marginalia has no code sets).`);
  return { codes, report };
}

/** What reading a .qdc file takes (in a worker: see offThread.ts): its bytes, its name (for messages about its encoding), the import's time. */
export interface QdcRequest {
  bytes: Uint8Array;
  name: string;
  now: string;
}

export const readQdc = ({ bytes, name, now }: QdcRequest): QdcRead => importQdc(decodeText(bytes, name), { now });
