/**
 * Reads a REFI-QDA project (.qdpx) into Marginalia's model: text sources become imported
 * documents (normalised like the corpus), codes keep hierarchy, colour and description,
 * coded text selections become segments with one coding per <Coding> (its creatingUser as
 * the coder, so two coders on one selection stay two codings), notes become memos (those on
 * the project as a whole, the project memo). Whatever
 * cannot be represented (other source types, cases, sets, graphs, links, other variables …)
 * is listed in `report`; a damaged, oversized or unsafe archive or XML throws an Error with a
 * message for the analyst (see qdpxFiles.ts, limits.ts, xmlSafety.ts). Runs in a worker in the
 * app (importOffThread.ts).
 */
import { sha256Hex } from '../../../common/text/sha256';
import { convertDocument, refusalReason } from '../../../converters';
import { ISO_DATE, type Attribute, type AttributeType, type Coding, type DocumentInfo, type ImportedDocument } from '../../domain/model';
import { PROJECT_MEMO_KEY } from '../../domain/projectMemo';
import { quoteSelector } from '../../domain/segments';
import type { Span } from '../../domain/span';
import type { Additions } from '../format';
import { readCodes } from './codebook';
import { DOCUMENT_VARIABLES } from './exportQdpx';
import { normaliseGuid } from './guid';
import { MAX_SOURCE_BYTES, megabytes } from './limits';
import { QdpxFiles } from './qdpxFiles';
import { RowIds } from './rowIds';
import { convertSource } from './sourceText';
import { attr, child, children, parseXml, textOf, type XmlNode } from './xmlReader';
import { plural } from '../../../common/plural';

export interface QdpxImportOptions {
  now?: string;
  /** Recorded as each imported document's `source`. */
  fileName?: string;
}

/** REFI-QDA's typeOfVariable as an attribute type (a boolean is a category of true/false). */
const VARIABLE_TYPES: Record<string, AttributeType> = { Text: 'text', Integer: 'number', Float: 'number', Date: 'date', DateTime: 'text', Boolean: 'category' };

const OTHER_SOURCES = { PDFSource: 'PDF', PictureSource: 'picture', AudioSource: 'audio', VideoSource: 'video' } as const;

/** A name as a report line quotes it (a selection's name may be its whole quote). */
const shortened = (name: string) => (name.length > 80 ? `${name.slice(0, 80)}…` : name);

/** Keeps a timestamp that is valid ISO 8601; a zone-less xsd:dateTime is read as UTC. */
function timestamp(value: string | undefined, fallback: string): string {
  if (!value) return fallback;
  if (ISO_DATE.safeParse(value).success) return value;
  const time = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(time) ? fallback : new Date(time).toISOString();
}

interface NoteInfo {
  name: string;
  text: string;
  created?: string;
  modified?: string;
}

interface CodingReader {
  /** Our code id for a code GUID, undefined when the codebook lacks it. */
  codeId: (guid: string) => string | undefined;
  coder: (coding: XmlNode) => string;
  createdAt: (coding: XmlNode) => string;
  codingIds: RowIds;
}

/**
 * A selection's <Coding>s as codings: one each, with its own coder. One coder's repeat of a
 * code on the same selection is kept once (a coder puts a code on a span once).
 */
function readCodings(nodes: readonly XmlNode[], read: CodingReader): { codings: Coding[]; unknownCodes: number; repeated: number } {
  const codings: Coding[] = [];
  const seen = new Set<string>();
  let unknownCodes = 0;
  let repeated = 0;
  for (const node of nodes) {
    const codeId = read.codeId(normaliseGuid(attr(child(node, 'CodeRef'), 'targetGUID') ?? ''));
    if (codeId === undefined) {
      unknownCodes++;
      continue;
    }
    const coder = read.coder(node);
    const key = `${codeId}\u0000${coder}`;
    if (seen.has(key)) {
      repeated++;
      continue;
    }
    seen.add(key);
    const id = read.codingIds.idFor(attr(node, 'guid'), 'A coding');
    codings.push({ id, codeId, coder, createdAt: read.createdAt(node) });
  }
  return { codings, unknownCodes, repeated };
}

export async function importQdpx(bytes: Uint8Array, options: QdpxImportOptions = {}): Promise<Additions> {
  const now = options.now ?? new Date().toISOString();
  const files = new QdpxFiles(bytes);
  const project = child(parseXml(files.projectXml(), 'project.qde'), 'Project');
  if (!project) throw new Error('project.qde has no <Project> root element: it is not a REFI-QDA project.');

  const report: string[] = [];
  const ids = files.idMap(report);
  const documentIds = new RowIds('document', ids, report);
  const segmentIds = new RowIds('segment', ids, report);
  const codeIds = new RowIds('code', ids, report);
  const codingIds = new RowIds('coding', ids, null);

  const users = new Map(
    children(child(project, 'Users'), 'User').map((u) => [normaliseGuid(attr(u, 'guid') ?? ''), attr(u, 'name') ?? attr(u, 'id') ?? '']),
  );
  const userName = (guid: string | undefined) => (guid ? (users.get(normaliseGuid(guid)) ?? '') : '');

  const notes = new Map<string, NoteInfo>();
  for (const n of children(child(project, 'Notes'), 'Note')) {
    const name = attr(n, 'name') ?? 'Untitled note';
    const file = files.namedText(attr(n, 'plainTextPath'));
    if (file && !file.ok) report.push(`Note "${name}": ${file.problem} It was not imported.`);
    const text = textOf(n, 'PlainTextContent') ?? (file?.ok ? file.text : undefined);
    if (text === undefined) {
      if (!file) report.push(`Note "${name}" has no plain text; it was not imported.`);
    } else notes.set(normaliseGuid(attr(n, 'guid') ?? ''), { name, text, created: attr(n, 'creationDateTime'), modified: attr(n, 'modifiedDateTime') });
  }
  const usedNotes = new Set<string>();
  const noteText = (guid: string) => {
    const note = notes.get(guid);
    if (note) usedNotes.add(guid);
    return note?.text;
  };
  const notesOf = (node: XmlNode) =>
    children(node, 'NoteRef').flatMap((r) => {
      const guid = normaliseGuid(attr(r, 'targetGUID') ?? '');
      const text = noteText(guid);
      return text === undefined ? [] : [{ guid, text }];
    });

  const codebook = readCodes(child(child(project, 'CodeBook'), 'Codes'), { now, ids: codeIds, noteText });
  report.push(...codebook.report);

  const variableNodes = children(child(project, 'Variables'), 'Variable');
  const variables = new Map(variableNodes.map((v) => [normaliseGuid(attr(v, 'guid') ?? ''), attr(v, 'name') ?? '']));
  // Variables beyond kind, place and date become document attributes (matched by name when merged).
  const attributeOf = new Map<string, Attribute>();
  variableNodes.forEach((v, position) => {
    const name = attr(v, 'name')?.trim();
    if (!name || DOCUMENT_VARIABLES.some((field) => field === name.toLowerCase())) return;
    const guid = normaliseGuid(attr(v, 'guid') ?? '');
    const type = VARIABLE_TYPES[attr(v, 'typeOfVariable') ?? 'Text'] ?? 'text';
    attributeOf.set(guid, { id: `attribute-${guid || position}`, name: name.slice(0, 100), type, values: type === 'category' ? ['true', 'false'] : [], position });
  });
  const documentInfo: DocumentInfo[] = [];
  const droppedVariables = new Map<string, number>();

  const result: Additions = { documents: [], codes: codebook.codes, segments: [], memos: [], report, attributes: [...attributeOf.values()], documentInfo };
  const sourcesNode = child(project, 'Sources');

  let descriptions = 0;
  /**
   * <Description>s (QualCoder writes memos there) read as memo text, counted for the report; one
   * that repeats a note already read (Marginalia writes a memo as both) is not added twice.
   */
  const describedBy = (node: XmlNode, notesRead: readonly string[]) => {
    const text = textOf(node, 'Description')?.trim();
    if (!text || notesRead.some((n) => n.trim() === text)) return [];
    descriptions++;
    return [text];
  };

  for (const source of children(sourcesNode, 'TextSource')) {
    const path = attr(source, 'plainTextPath');
    const richPath = attr(source, 'richTextPath');
    const fileStem = (path ?? richPath)?.replace(/^.*[/\\]/, '').replace(/\.[A-Za-z0-9]{1,8}$/, '');
    const name = attr(source, 'name')?.trim() || fileStem || 'Untitled source';
    const title = shortened(name);
    let raw = textOf(source, 'PlainTextContent');
    if (raw === undefined && path) {
      const file = files.namedText(path);
      if (file && !file.ok) {
        report.push(`Text source "${title}": ${file.problem} It and its codings were not imported.`);
        continue;
      }
      raw = file?.text;
    }
    // No plain text (or an empty one, as NVivo writes beside its .docx): the rich text, converted.
    let richProblem = '';
    if ((raw === undefined || raw.trim() === '') && richPath) {
      const rich = files.namedBytes(richPath);
      if (rich?.ok) {
        try {
          raw = (await convertDocument(rich.name, rich.bytes)).text;
          report.push(`Text source "${title}": its text was read from ${rich.name} (the archive has no plain text of it).`);
        } catch (error) {
          richProblem = ` (${rich.name}: ${refusalReason(error)})`;
        }
      } else if (rich) richProblem = ` (${rich.problem})`;
    }
    if (raw === undefined) {
      report.push(`Text source "${title}" has no text inside the archive (${path ?? 'no plainTextPath'})${richProblem}; it and its codings were not imported.`);
      continue;
    }
    if (raw.trim() === '') {
      const coded = children(source, 'PlainTextSelection').length;
      report.push(`Text source "${title}" is empty${richProblem}; it was not added${coded ? ` (nor its ${plural(coded, 'selection')})` : ''}.`);
      continue;
    }
    if (raw.length > MAX_SOURCE_BYTES) {
      report.push(`Text source "${title}" is larger than ${megabytes(MAX_SOURCE_BYTES)}, the limit for one document; it and its codings were not imported.`);
      continue;
    }
    const selections = children(source, 'PlainTextSelection');
    const spans = selections.map((s) => ({ start: Number(attr(s, 'startPosition')), end: Number(attr(s, 'endPosition')), name: attr(s, 'name') }));
    // A coding of the whole source is kept as a segment over the whole text.
    const wholeCodings = children(source, 'Coding');
    const converted = convertSource(raw, spans);
    const { text } = converted;
    if (converted.hadCrlf) {
      report.push(
        `Text source "${title}": positions were read as counting a CRLF line end as ${converted.convention === 'crlf-as-two' ? 'two characters (the REFI-QDA rule)' : 'one character (as some tools do)'}.`,
      );
    }
    const documentId = documentIds.idFor(attr(source, 'guid'), `Text source "${title}"`);
    const sha256 = sha256Hex(text);
    const creator = userName(attr(source, 'creatingUser'));
    const created = attr(source, 'creationDateTime');
    const doc: ImportedDocument = {
      id: documentId,
      title: name,
      kind: null,
      place: null,
      date: null,
      sha256,
      text,
      source: options.fileName ?? 'REFI-QDA project',
      importedAt: now,
      provenance: {
        ...(path || richPath ? { fileName: (path ?? richPath)!.replace(/^internal:\/\//i, '') } : {}),
        ...(creator ? { creator } : {}),
        ...(created ? { createdAt: timestamp(created, now) } : {}),
      },
    };
    const values: Record<string, string> = {};
    for (const value of children(source, 'VariableValue')) {
      const guid = normaliseGuid(attr(child(value, 'VariableRef'), 'targetGUID') ?? '');
      const name = variables.get(guid) ?? 'unknown variable';
      const field = DOCUMENT_VARIABLES.find((v) => v === name.toLowerCase());
      const content = ['TextValue', 'DateValue', 'DateTimeValue', 'IntegerValue', 'FloatValue', 'BooleanValue'].map((k) => textOf(value, k)).find((v) => v !== undefined);
      const attribute = attributeOf.get(guid);
      if (field && content !== undefined) doc[field] = content;
      else if (attribute && content !== undefined) values[attribute.id] = content.trim().slice(0, 10_000);
      else droppedVariables.set(name, (droppedVariables.get(name) ?? 0) + 1);
    }
    if (Object.keys(values).length) documentInfo.push({ documentId, title: null, attributes: values, removed: false, updatedAt: now });
    result.documents.push(doc);

    const toSegment = (node: XmlNode, span: Span | null, label: string) => {
      const codingNodes = children(node, 'Coding');
      const noted = [...notesOf(node), ...codingNodes.flatMap(notesOf)].map((n) => n.text);
      const memo = [...noted, ...describedBy(node, noted), ...codingNodes.flatMap((c) => describedBy(c, noted))].join('\n\n');
      const id = segmentIds.idFor(attr(node, 'guid'), label);
      const createdAt = timestamp(attr(node, 'creationDateTime') ?? attr(codingNodes[0], 'creationDateTime'), now);
      const { codings, unknownCodes, repeated } = readCodings(codingNodes, {
        codeId: (guid) => codebook.idByGuid.get(guid),
        coder: (c) => userName(attr(c, 'creatingUser') ?? attr(node, 'creatingUser')),
        createdAt: (c) => timestamp(attr(c, 'creationDateTime'), createdAt),
        codingIds,
      });
      if (unknownCodes) report.push(`${label}: ${plural(unknownCodes, 'coding refers', 'codings refer')} to codes not in the codebook and ${unknownCodes === 1 ? 'was' : 'were'} skipped.`);
      if (repeated) report.push(`${label}: ${plural(repeated, 'coding repeats', 'codings repeat')} a code by the same coder; each was kept once.`);
      if (!span || span.start >= span.end) return report.push(`${label}: its position is empty or outside the text; it was not imported.`);
      if (codings.length === 0) return report.push(`${label} has no code; it was not imported${memo ? ' (nor its memo)' : ''}.`);
      result.segments.push({
        id,
        documentId,
        documentHash: sha256,
        start: span.start,
        end: span.end,
        ...quoteSelector(text, span.start, span.end),
        codings,
        memo,
        createdAt,
        updatedAt: timestamp(attr(node, 'modifiedDateTime'), createdAt),
      });
    };
    selections.forEach((s, i) => toSegment(s, converted.spans[i] ?? null, `Selection "${shortened(attr(s, 'name') ?? String(i + 1))}" in "${title}"`));
    for (const coding of wholeCodings) {
      report.push(`Text source "${title}" is coded as a whole; the coding became a segment over the whole text.`);
      toSegment({ '@_guid': attr(coding, 'guid'), '@_creatingUser': attr(coding, 'creatingUser'), '@_creationDateTime': attr(coding, 'creationDateTime'), Coding: [coding] }, { start: 0, end: text.length }, `The coding of the whole of "${title}"`);
    }
    const docNotes = notesOf(source).map((n) => notes.get(n.guid)!);
    const docDescription = describedBy(source, docNotes.map((n) => n.text));
    if (docNotes.length || docDescription.length) {
      const last = docNotes.map((n) => timestamp(n.modified ?? n.created, now)).sort().at(-1) ?? timestamp(attr(source, 'modifiedDateTime'), now);
      result.memos.push({ documentId, text: [...docNotes.map((n) => n.text), ...docDescription].join('\n\n'), updatedAt: last });
    }
  }

  // Notes on the project as a whole (its NoteRefs and Description) are the project memo.
  const projectNotes = notesOf(project).map((n) => notes.get(n.guid)!);
  const projectDescription = describedBy(project, projectNotes.map((n) => n.text));
  if (projectNotes.length || projectDescription.length) {
    const last = projectNotes.map((n) => timestamp(n.modified ?? n.created, now)).sort().at(-1) ?? timestamp(attr(project, 'modifiedDateTime'), now);
    result.memos.push({ documentId: PROJECT_MEMO_KEY, text: [...projectNotes.map((n) => n.text), ...projectDescription].join('\n\n'), updatedAt: last });
  }

  for (const [element, kind] of Object.entries(OTHER_SOURCES)) {
    for (const s of children(sourcesNode, element)) {
      report.push(`The ${kind} source "${attr(s, 'name') ?? attr(s, 'guid')}" was not imported: Marginalia reads text sources only.`);
    }
  }
  if (descriptions) report.push(`${plural(descriptions, 'description')} of sources, selections or codings ${descriptions === 1 ? 'was' : 'were'} read as memos.`);
  for (const [name, count] of droppedVariables) report.push(`Variable "${name}" (${plural(count, 'value')}) was not imported: it is not defined in the file, or a value is empty.`);
  const unsupported: Array<[string, string, string]> = [
    ['Cases', 'Case', 'case'],
    ['Sets', 'Set', 'set'],
    ['Graphs', 'Graph', 'graph'],
    ['Links', 'Link', 'link'],
  ];
  for (const [group, item, label] of unsupported) {
    const count = children(child(project, group), item).length;
    if (count) report.push(`${plural(count, label)} ${count === 1 ? 'was' : 'were'} not imported (not supported by Marginalia).`);
  }
  const loose = [...notes.entries()].filter(([guid]) => !usedNotes.has(guid));
  if (loose.length) report.push(`${plural(loose.length, 'note')} not attached to a text source, selection or code ${loose.length === 1 ? 'was' : 'were'} not imported: ${loose.map(([, n]) => `"${n.name}"`).join(', ')}.`);
  return result;
}
