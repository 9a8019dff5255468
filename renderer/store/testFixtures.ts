/** Valid rows and fresh fake-IndexedDB databases for the store tests. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Code, Coding, DocumentMemo, ImportedDocument, Segment } from '../domain/model';
import { MarginaliaDb } from './db';

export const T0 = '2024-05-01T10:00:00.000Z';

export function makeCode(id: string, overrides: Partial<Code> = {}): Code {
  return {
    id,
    name: `Code ${id}`,
    colour: '#336699',
    description: '',
    parentId: null,
    shortcut: null,
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

export function makeCoding(codeId: string, coder = 'Ada', id = `${codeId}:${coder}`): Coding {
  return { id, codeId, coder, createdAt: T0 };
}

export function makeSegment(id: string, overrides: Partial<Segment> = {}): Segment {
  return {
    id,
    documentId: 'doc-1',
    documentHash: 'a'.repeat(64),
    start: 0,
    end: 5,
    quote: 'hello',
    prefix: '',
    suffix: ' world',
    codings: [makeCoding('c1')],
    memo: '',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
}

/** A segment row as the previous schema (v2) stored it: one coder for all its codes. */
export type LegacySegment = Omit<Segment, 'codings'> & { codeIds: string[]; coder: string };

export function legacySegment(id: string, overrides: Partial<LegacySegment> = {}): LegacySegment {
  const { codings: _codings, ...span } = makeSegment(id);
  return { ...span, codeIds: ['c1'], coder: 'Ada', ...overrides };
}

export function makeMemo(documentId: string, text = 'A memo'): DocumentMemo {
  return { documentId, text, updatedAt: T0 };
}

export function makeDocument(id: string, overrides: Partial<ImportedDocument> = {}): ImportedDocument {
  return {
    id,
    title: `Document ${id}`,
    kind: 'interview',
    place: null,
    date: null,
    sha256: 'b'.repeat(64),
    text: 'Imported text',
    source: 'project.qdpx',
    importedAt: T0,
    ...overrides,
  };
}

/** A private IndexedDB per test: no state leaks between tests. */
export function freshIndexedDb(): { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange } {
  return { indexedDB: new IDBFactory(), IDBKeyRange };
}

export function freshDb(name = 'test'): MarginaliaDb {
  return new MarginaliaDb(name, freshIndexedDb());
}
