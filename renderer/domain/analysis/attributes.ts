/**
 * Document attributes that analysis can group and restrict by: kind and place, the year and
 * month of the date, and every attribute the analyst defines (its values arrive in each
 * document's `attributes` map, keyed by attribute id). A derived attribute is one more entry
 * in ATTRIBUTES.
 */

/** A document as attributes read it. */
export interface AttributeSource {
  kind: string | null;
  place: string | null;
  date: string | null;
  /** Further named values (an extension point; none of today's sources fill it). */
  attributes?: Readonly<Record<string, string | null>>;
}

export interface DocumentAttribute {
  id: string;
  label: string;
  valueOf: (doc: AttributeSource) => string | null;
  /** How its values sort: as text, or as dates/numbers (a timeline needs time order). */
  order: 'text' | 'time';
}

/** The value shown and stored for a document that has none. */
export const NO_VALUE = '';
export const NO_VALUE_LABEL = '(none)';

const DATE = /^(\d{4})(?:-(\d{2}))?/;

export const ATTRIBUTES: readonly DocumentAttribute[] = [
  { id: 'kind', label: 'Kind', valueOf: (d) => d.kind, order: 'text' },
  { id: 'place', label: 'Place', valueOf: (d) => d.place, order: 'text' },
  { id: 'year', label: 'Year', valueOf: (d) => DATE.exec(d.date ?? '')?.[1] ?? null, order: 'time' },
  {
    id: 'month',
    label: 'Month',
    valueOf: (d) => {
      const m = DATE.exec(d.date ?? '');
      return m?.[2] ? `${m[1]}-${m[2]}` : null;
    },
    order: 'time',
  },
];

const defined = (id: string, label: string): DocumentAttribute => ({ id, label, valueOf: (d) => d.attributes?.[id] ?? null, order: 'text' });

/** The built-in attributes, then those the analyst defined (by id, named as they named them). */
export function withDefined(definitions: ReadonlyArray<{ id: string; name: string }>): DocumentAttribute[] {
  const builtIn = new Set(ATTRIBUTES.map((a) => a.id));
  return [...ATTRIBUTES, ...definitions.filter((d) => !builtIn.has(d.id)).map((d) => defined(d.id, d.name))];
}

/** Every attribute the documents have: the built-in ones, then the keys of their own maps. */
export function attributesOf(docs: readonly AttributeSource[]): DocumentAttribute[] {
  const extra = new Set<string>();
  for (const d of docs) for (const key of Object.keys(d.attributes ?? {})) extra.add(key);
  return withDefined([...extra].sort().map((id) => ({ id, name: id })));
}

export function attributeById(docs: readonly AttributeSource[], id: string): DocumentAttribute | undefined {
  return attributesOf(docs).find((a) => a.id === id);
}

/** The document's value of an attribute, NO_VALUE when it has none. */
export function attributeValue(attribute: DocumentAttribute, doc: AttributeSource): string {
  const v = attribute.valueOf(doc);
  return v === null || v.trim() === '' ? NO_VALUE : v.trim();
}

/** Distinct values in display order; documents without a value last. */
export function sortValues(attribute: DocumentAttribute, values: Iterable<string>): string[] {
  const list = [...new Set(values)];
  return list.sort((a, b) => {
    if (a === NO_VALUE || b === NO_VALUE) return a === b ? 0 : a === NO_VALUE ? 1 : -1;
    // Numbers (and dates) in a text attribute sort by value: "9" before "10".
    return attribute.order === 'time' ? (a < b ? -1 : a > b ? 1 : 0) : a.localeCompare(b, undefined, { numeric: true });
  });
}

export const valueLabel = (value: string) => (value === NO_VALUE ? NO_VALUE_LABEL : value);
