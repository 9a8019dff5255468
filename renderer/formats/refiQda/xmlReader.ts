/**
 * Reading REFI-QDA XML with fast-xml-parser: safety (no DTD, XML's entities only, bounded
 * nesting: xmlSafety.ts) and well-formedness checked first (the parser itself is lenient),
 * attributes as "@_name", repeated elements always arrays, namespaces dropped (tools write the
 * default namespace or a prefix).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MAX_XML_DEPTH } from './limits';
import { assertSafeXml } from './xmlSafety';

export type XmlNode = Record<string, unknown>;

/** Elements that may repeat anywhere in Project.xsd / Codebook.xsd. */
const REPEATED = new Set([
  'User', 'Code', 'TextSource', 'PictureSource', 'PDFSource', 'AudioSource', 'VideoSource',
  'PlainTextSelection', 'PictureSelection', 'PDFSelection', 'AudioSelection', 'VideoSelection',
  'Transcript', 'Coding', 'NoteRef', 'Note', 'VariableValue', 'Variable', 'Case', 'Set', 'Graph',
  'Link', 'MemberCode', 'MemberSource', 'MemberNote', 'Vertex', 'Edge',
]);

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g;

/**
 * The parser's entity decoder, replaced: in fast-xml-parser 5.12 `htmlEntities: true` decodes
 * &nbsp; and the like, and `htmlEntities: false` also stops decoding character references
 * (&#13; stays "&#13;"). This one decodes exactly XML's: the five named entities and character
 * references. Declared entities never reach it (assertSafeXml refuses any DTD first).
 */
const xmlEntityDecoder = {
  setExternalEntities: () => undefined,
  addInputEntities: (entities: Record<string, string>) => {
    if (Object.keys(entities).length) throw new Error('entity declarations are not accepted');
  },
  reset: () => undefined,
  setXmlVersion: () => undefined,
  decode: (text: string) =>
    text.includes('&')
      ? text.replace(REFERENCE, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
          name ? XML_ENTITIES[name]! : String.fromCodePoint(dec ? Number(dec) : parseInt(hex!, 16)),
        )
      : text,
};

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  entityDecoder: xmlEntityDecoder,
  // Nesting is bounded (and reported) by assertSafeXml; the parser's own default of 100 would refuse codebooks it allows.
  maxNestedTags: MAX_XML_DEPTH + 1,
  isArray: (name) => REPEATED.has(name),
});

/**
 * XML parsers turn a raw CRLF into LF, but a tool that wrote CRLF inside PlainTextContent
 * counted its positions on the CRLF text; keep the CRs (as character references) so the
 * position check in text.ts can see them.
 */
function keepCarriageReturns(xml: string): string {
  return xml.replace(
    /(<(?:\w+:)?PlainTextContent(?:\s[^>]*)?>)([\s\S]*?)(<\/(?:\w+:)?PlainTextContent>)/g,
    (_m, open: string, body: string, close: string) => open + body.replace(/\r/g, '&#13;') + close,
  );
}

/** Parses XML or throws an Error naming the file, line and column. */
export function parseXml(xml: string, fileName: string): XmlNode {
  const text = xml.charCodeAt(0) === 0xfeff ? xml.slice(1) : xml;
  assertSafeXml(text, fileName);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    throw new Error(`${fileName} is not well-formed XML (line ${line}, column ${col}): ${msg}`);
  }
  return parser.parse(keepCarriageReturns(text)) as XmlNode;
}

export const children = (node: XmlNode | undefined, name: string): XmlNode[] => {
  const value = node?.[name];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'object' && v !== null ? (v as XmlNode) : { '#text': String(v) }));
};

export const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => children(node, name)[0];

export const attr = (node: XmlNode | undefined, name: string): string | undefined => {
  const value = node?.[`@_${name}`];
  return value === undefined ? undefined : String(value);
};

/** Text content of a leaf element (or undefined when the element is absent). */
export function textOf(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  if (value === undefined || value === null) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first === 'object' && first !== null) {
    const text = (first as XmlNode)['#text'];
    return text === undefined ? '' : String(text);
  }
  return String(first);
}
