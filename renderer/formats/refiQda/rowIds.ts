/**
 * Our ids for the rows of one kind a .qdpx brings (sources, selections, codes, codings). REFI-QDA
 * names every row by GUID; a Marginalia export adds a map back to our own ids. A row gets the
 * mapped id when the map has a safe one, else its GUID; a row whose GUID is missing, malformed
 * or repeats another row's of the same kind gets a new GUID, and the report says so — two rows
 * must never share an id (the later would silently replace the earlier).
 */
import { isSafeCodingId, isSafeId, reissuedId, shownId } from '../fileIds';
import { parseGuid } from './guid';

const NOUNS = { document: 'text source', segment: 'selection', code: 'code', coding: 'coding' } as const;

export class RowIds {
  private readonly issued = new Set<string>();
  private readonly seenGuids = new Set<string>();

  constructor(
    private readonly kind: keyof typeof NOUNS,
    private readonly idMap: ReadonlyMap<string, string>,
    private readonly report: string[] | null,
  ) {}

  /** The id for a row whose GUID attribute is `raw`; `label` names the row in the report. */
  idFor(raw: string | undefined, label: string): string {
    const guid = parseGuid(raw ?? '');
    if (guid !== null && !this.seenGuids.has(guid)) {
      this.seenGuids.add(guid);
      const mapped = this.idMap.get(guid);
      const safe = mapped !== undefined && (this.kind === 'coding' ? isSafeCodingId(mapped) : isSafeId(mapped));
      const id = safe ? mapped : guid;
      if (!this.issued.has(id)) return this.issue(id);
    }
    const fresh = reissuedId(this.kind, `${raw ?? ''}#${this.issued.size}`, this.issued);
    this.report?.push(
      guid === null
        ? `${label} has no valid GUID (${shownId(raw ?? '')}); it was imported with a new one.`
        : `${label} repeats the GUID of another ${NOUNS[this.kind]}; it was imported with a new one.`,
    );
    return this.issue(fresh);
  }

  private issue(id: string): string {
    this.issued.add(id);
    return id;
  }
}
