/**
 * W3C Web Annotation (JSON-LD) export: one Annotation per segment, its codes as tagging
 * bodies (by code path), its memo as a commenting body, the passage as a TextQuoteSelector
 * and a TextPositionSelector in Unicode code points (the model's "characters").
 */
import { codePath, codesById } from '../../domain/codeTree';
import type { Segment } from '../../domain/model';
import { codePointIndex } from '../../../common/text/codePoints';
import { guidFor } from '../refiQda/guid';
import type { ProjectData } from '../projectData';

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

export interface TextualBody {
  type: 'TextualBody';
  purpose: 'tagging' | 'commenting';
  value: string;
  format?: 'text/plain';
}

export type Selector =
  | { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string }
  | { type: 'TextPositionSelector'; start: number; end: number };

export interface WebAnnotation {
  id: string;
  type: 'Annotation';
  created: string;
  modified: string;
  creator?: { type: 'Person'; name: string };
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
  return segments.map((s) => {
    const body: TextualBody[] = [...new Set(s.codeIds)]
      .map((id) => (byId.has(id) ? codePath(byId, id) : id))
      .sort((a, b) => a.localeCompare(b))
      .map((value) => ({ type: 'TextualBody', purpose: 'tagging', value }));
    if (s.memo !== '') body.push({ type: 'TextualBody', purpose: 'commenting', value: s.memo, format: 'text/plain' });
    const selector: Selector[] = [{ type: 'TextQuoteSelector', exact: s.quote, prefix: s.prefix, suffix: s.suffix }];
    const cp = toCodePoint(s.documentId);
    // Without the document's text the position cannot be given in code points; the quote still anchors it.
    if (cp) selector.push({ type: 'TextPositionSelector', start: cp(s.start), end: cp(s.end) });
    const annotation: WebAnnotation = {
      id: `urn:uuid:${guidFor('segment', s.id)}`,
      type: 'Annotation',
      created: utc(s.createdAt),
      modified: utc(s.updatedAt),
      body,
      target: { source: documentIri(s.documentId), selector },
    };
    if (s.coder !== '') annotation.creator = { type: 'Person', name: s.coder };
    return annotation;
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
