/** The analyst's restriction of what analysis counts (documents, attribute values; coders come from the shared coder filter). */
import type { Restriction } from '../../domain/analysis/input';

export interface RestrictionChoice {
  /** null: every document. */
  documents: readonly string[] | null;
  /** Attribute id → values kept; an attribute left out keeps every value. */
  attributes: Readonly<Record<string, readonly string[]>>;
}

export const EVERYTHING: RestrictionChoice = { documents: null, attributes: {} };

export function restrictionOf(choice: RestrictionChoice, coders: readonly string[] | null, memo?: string): Restriction {
  return {
    ...(choice.documents ? { documents: choice.documents } : {}),
    ...(Object.keys(choice.attributes).length ? { attributes: choice.attributes } : {}),
    ...(coders ? { coders } : {}),
    ...(memo?.trim() ? { memo: memo.trim() } : {}),
  };
}

/** A short account of the restriction, e.g. "2 of 5 documents · kind: statement · coders: Ada". */
export function describeRestriction(choice: RestrictionChoice, documentCount: number, coders: readonly string[] | null): string {
  const parts = [choice.documents ? `${choice.documents.length} of ${documentCount} documents` : `all ${documentCount} documents`];
  for (const [attribute, values] of Object.entries(choice.attributes)) parts.push(`${attribute}: ${values.map((v) => v || '(none)').join(', ')}`);
  parts.push(coders ? `coders: ${coders.join(', ')}` : 'all coders');
  return parts.join(' · ');
}

/** The attribute's values kept after toggling one (all kept again: the attribute is dropped). */
export function toggleValue(choice: RestrictionChoice, attribute: string, value: string, all: readonly string[]): RestrictionChoice {
  const kept = new Set(choice.attributes[attribute] ?? all);
  if (kept.has(value)) kept.delete(value);
  else kept.add(value);
  const attributes = { ...choice.attributes };
  if (kept.size === all.length) delete attributes[attribute];
  else attributes[attribute] = all.filter((v) => kept.has(v));
  return { ...choice, attributes };
}
