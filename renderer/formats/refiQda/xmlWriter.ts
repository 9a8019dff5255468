/**
 * A tiny XML writer for REFI-QDA files. Hand-written rather than a generic builder because the
 * escaping must be exact: CR, LF and tab in attributes and CR in text would otherwise be
 * changed by every conforming XML parser (end-of-line and attribute-value normalisation).
 */

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | number | boolean | null | undefined>;
  /** Child elements, or a single text string for a leaf element. */
  children?: XmlElement[] | string;
}

/** Characters XML 1.0 cannot carry at all (C0 controls, lone surrogates, U+FFFE/FFFF) become U+FFFD. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Anything that may need escaping or replacing; most values (GUIDs, numbers, dates) have none. */
const SPECIAL = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

export function escapeAttribute(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return escapeText(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

function write(element: XmlElement, indent: string, out: string[]): void {
  let open = `${indent}<${element.name}`;
  const { attrs } = element;
  for (const key in attrs) {
    const value = attrs[key];
    if (value === null || value === undefined) continue;
    open += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  const { children } = element;
  if (children === undefined || (Array.isArray(children) && children.length === 0)) {
    out.push(`${open}/>`);
  } else if (typeof children === 'string') {
    // Text content is written inline: indentation would become part of the value.
    out.push(`${open}>${escapeText(children)}</${element.name}>`);
  } else {
    out.push(`${open}>`);
    for (const child of children) write(child, indent + '  ', out);
    out.push(`${indent}</${element.name}>`);
  }
}

export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, '', out);
  return out.join('\n') + '\n';
}
