/** The mapping step's effect on an import: mapped codes' codings land on the existing codes, in one planned change. */
import { describe, expect, it } from 'vitest';
import { proposeCodeMapping } from '../../domain/codeMapping';
import type { Code, Segment } from '../../domain/model';
import type { Incoming } from '../../formats/format';
import { planImport, type ImportTarget } from '../../project/jobs/importPlans';
import { incomingCodes, mapIncoming } from './useCodeMapping';

const NOW = '2026-01-01T00:00:00.000Z';
const code = (id: string, name: string, parentId: string | null = null): Code => ({
  id,
  name,
  colour: '#4e79a7',
  description: '',
  parentId,
  shortcut: null,
  createdAt: NOW,
  updatedAt: NOW,
});
const segment: Segment = {
  id: 'theirs-1',
  documentId: 'd1',
  documentHash: 'h',
  start: 0,
  end: 4,
  quote: 'text',
  prefix: '',
  suffix: '',
  codings: [
    { id: 'k1', codeId: 't-ff', coder: 'bob', createdAt: NOW },
    { id: 'k2', codeId: 't-travel', coder: 'bob', createdAt: NOW },
  ],
  memo: '',
  createdAt: NOW,
  updatedAt: NOW,
};
const ours: ImportTarget = { codes: [code('ff', 'Foreign fighters')], segments: [], memos: [], importedDocuments: [], settings: { coder: 'alice' } };
const theirs: Incoming = {
  kind: 'additions',
  additions: { documents: [], codes: [code('t-ff', 'Foreign Fighter'), code('t-travel', 'Travel', 't-ff')], segments: [segment], memos: [], report: [] },
};

describe('an import with the mapping step', () => {
  it("keeps bob's codings as bob's and puts them on the mapped code, one change", () => {
    const rows = proposeCodeMapping(incomingCodes(theirs), ours.codes);
    expect(rows.map((r) => [r.incomingPath, r.proposed])).toEqual([
      ['Foreign Fighter', 'ff'],
      ['Foreign Fighter > Travel', null],
    ]);
    const mapped = mapIncoming(theirs, new Map([['t-ff', 'ff']]));
    const plan = planImport(mapped, ours, [{ id: 'd1', title: 'D1', sha256: 'h' }], { now: NOW, fileName: 'bob.qdpx' });
    const codes = Object.values(plan.change.forward.codes);
    expect(codes.map((c) => [c!.name, c!.parentId])).toEqual([['Travel', 'ff']]);
    const stored = plan.change.forward.segments['theirs-1']!;
    expect(stored.codings.map((c) => [c.codeId, c.coder])).toEqual([
      ['ff', 'bob'],
      ['t-travel', 'bob'],
    ]);
    expect(plan.change.label).toBe('Import bob.qdpx');
  });
});
