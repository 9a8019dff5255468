/** Valid rows and fresh fake-IndexedDB databases for the store tests. */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { Code, DocumentMemo, ImportedDocument, Segment } from '../domain/model';
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
    codeIds: ['c1'],
    memo: '',
    coder: 'Ada',
    createdAt: T0,
    updatedAt: T0,
    ...overrides,
  };
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
