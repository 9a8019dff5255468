/**
 * Document attributes: the manifest's kind, place and date come first (built in, read from the
 * document itself unless the analyst overrides a value), then those the analyst defines. Values
 * are text; a number, a date (YYYY-MM-DD) or a category value is checked when it is set.
 */
import { DomainError } from '../change';
import type { Attribute, AttributeType, DocumentInfo } from '../model';

/** What an attribute's value is read from: the document's manifest fields and the project's info row. */
export interface AttributedDocument {
  id: string;
  kind: string | null;
  place: string | null;
  date: string | null;
}

/** kind, place and date as attributes (ids are their field names; never stored). */
export const BUILT_IN_ATTRIBUTES: readonly Attribute[] = [
  { id: 'kind', name: 'Kind', type: 'text', values: [], position: 0 },
  { id: 'place', name: 'Place', type: 'text', values: [], position: 1 },
  { id: 'date', name: 'Date', type: 'date', values: [], position: 2 },
];

const BUILT_IN_IDS = new Set(BUILT_IN_ATTRIBUTES.map((a) => a.id));
export const isBuiltInAttribute = (id: string) => BUILT_IN_IDS.has(id);

/** Every attribute in the order tables and exports show them: built-in first, then by position. */
export function allAttributes(defined: readonly Attribute[]): Attribute[] {
  return [...BUILT_IN_ATTRIBUTES, ...[...defined].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))];
}

/** A document's value of an attribute ('' when it has none). */
export function attributeValue(document: AttributedDocument, info: DocumentInfo | undefined, attributeId: string): string {
  const own = info?.attributes[attributeId];
  if (own !== undefined) return own;
  if (attributeId === 'kind' || attributeId === 'place' || attributeId === 'date') return document[attributeId] ?? '';
  return '';
}

/** The value as stored, or a DomainError saying what an attribute of this type accepts. */
export function checkedValue(attribute: Pick<Attribute, 'name' | 'type' | 'values'>, raw: string): string {
  const value = raw.trim();
  if (value === '') return '';
  const refuse = (what: string) => {
    throw new DomainError(`“${attribute.name}” takes ${what}; “${value}” is not one.`);
  };
  switch (attribute.type) {
    case 'number':
      if (!/^-?\d+(\.\d+)?$/.test(value.replace(/\s/g, ''))) refuse('a number');
      return value.replace(/\s/g, '');
    case 'date':
      if (!isCalendarDate(value)) refuse('a date (YYYY-MM-DD)');
      return value;
    case 'category':
      if (!attribute.values.includes(value)) refuse(`one of its values (${attribute.values.join(', ')})`);
      return value;
    default:
      return value;
  }
}

function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export const ATTRIBUTE_TYPES: readonly { type: AttributeType; label: string }[] = [
  { type: 'text', label: 'Text' },
  { type: 'number', label: 'Number' },
  { type: 'date', label: 'Date' },
  { type: 'category', label: 'Category' },
];
