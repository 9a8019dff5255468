/**
 * W3C Web Annotation (JSON-LD) export: one Annotation per segment, a tagging body per coding
 * (the code's path, its coder as the body's creator), the memo as a commenting body, the
 * passage as a TextQuoteSelector and — when the segment was placed in the current text — a
 * TextPositionSelector in Unicode code points (the model's "characters").
 */
import { codePath, codesById } from '../../domain/codeTree';
import type { Segment } from '../../domain/model';
import { codePointIndex } from '../../../common/text/codePoints';
import { guidFor } from '../refiQda/guid';
import { placementOf, type ProjectData } from '../projectData';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

interface Person {
  type: 'Person';
  name: string;
}

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format?: 'text/plain';
  /** A tagging body's coder (omitted when the coding has no coder name). */
  creator?: Person;
  created?: string;
}

export type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  body: TextualBody[];
  target: { source: string; selector: Selector[] };
}

export interface WebAnnotationCollection {
  '@context': typeof ANNOTATION_CONTEXT;
  id: string;
  type: 'AnnotationCollection';
  label: string;
  total: number;
  first: { type: 'AnnotationPage'; startIndex: 0; items: WebAnnotation[] };
}

/** The IRI a document is annotated under (ids are already URN-safe; anything else is escaped). */
export function documentIri(documentId: string): string {
  return `urn:marginalia:document:${documentId.replace(/[^A-Za-z0-9._:~-]/g, (c) => encodeURIComponent(c))}`;
}

const utc = (iso: string) => {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? iso : new Date(time).toISOString();
};

export function toWebAnnotations(data: ProjectData): WebAnnotation[] {
  const byId = codesById(data.codes);
  const order = new Map(data.documents.map((d, i) => [d.id, i]));
  const indexes = new Map(data.documents.map((d) => [d.id, { text: d.text, toCp: null as ((n: number) => number) | null }]));
  const toCodePoint = (documentId: string) => {
    const entry = indexes.get(documentId);
    if (!entry) return null;
    entry.toCp ??= codePointIndex(entry.text);
    return entry.toCp;
  };
  const rank = (s: Segment) => order.get(s.documentId) ?? data.documents.length;
  const segments = [...data.segments].sort(
    (a, b) => rank(a) - rank(b) || a.start - b.start || a.end - b.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const pathOf = (codeId: string) => (byId.has(codeId) ? codePath(byId, codeId) : codeId);
  return segments.map((s) => {
    const body: TextualBody[] = s.codings
      .map((c) => ({ coding: c, path: pathOf(c.codeId) }))
      .sort((a, b) => a.path.localeCompare(b.path) || a.coding.coder.localeCompare(b.coding.coder))
      .map(({ coding, path }) => {
        const tag: TextualBody = { type: 'TextualBody', purpose: 'tagging', value: path };
        if (coding.coder !== '') tag.creator = { type: 'Person', name: coding.coder };
        tag.created = utc(coding.createdAt);
        return tag;
      });
    if (s.memo !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: s.memo, format: 'text/plain' });
    const selector: Selector[] = [{ type: 'TextQuoteSelector', exact: s.quote, prefix: s.prefix, suffix: s.suffix }];
    const cp = toCodePoint(s.documentId);
    // Without the document's current text, or where the passage was not found in it, a
    // position would be wrong; the quote still anchors it.
    if (cp && placementOf(data, s.id) !== 'unplaced') selector.push({ type: 'TextPositionSelector', start: cp(s.start), end: cp(s.end) });
    return {
      id: `urn:uuid:${guidFor('segment', s.id)}`,
      type: 'Annotation',
      created: utc(s.createdAt),
      modified: utc(s.updatedAt),
      body,
      target: { source: documentIri(s.documentId), selector },
    };
  });
}

export function toWebAnnotationCollection(data: ProjectData, label = 'Marginalia coding'): WebAnnotationCollection {
  const items = toWebAnnotations(data);
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${guidFor('collection', `${label}|${data.documents.map((d) => d.id).join('|')}`)}`,
    type: 'AnnotationCollection',
    label,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function toWebAnnotationJson(data: ProjectData, label?: string): string {
  return JSON.stringify(toWebAnnotationCollection(data, label), null, 2) + '\n';
}
