/**
 * Real REFI-QDA exports from other tools (../shared/interop/, see its README): NVivo 15's two
 * empty sources are reported, not added; qualitative-coding's relative source paths are found,
 * its 158 selections (205 codings) land each on its line; both keep 262 distinct codes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { codePath, codesById } from '../../domain/codeTree';
import { importQdpx } from './importQdpx';

const INTEROP = resolve(__dirname, '../../../../shared/interop');
const read = (name: string) => new Uint8Array(readFileSync(resolve(INTEROP, name)));

describe('REFI-QDA files from other tools', () => {
  it('NVivo 15: 262 distinct codes; its two empty sources reported, not added', async () => {
    const additions = await importQdpx(read('nvivo_project.qdpx'), { now: '2024-01-01T00:00:00.000Z', fileName: 'nvivo_project.qdpx' });
    expect(additions.codes).toHaveLength(262);
    const byId = codesById(additions.codes);
    expect(new Set(additions.codes.map((c) => codePath(byId, c.id))).size).toBe(262);
    expect(additions.documents).toEqual([]);
    expect(additions.report.filter((line) => /is empty/.test(line))).toHaveLength(2);
  });

  it('qc: both sources with their text, all 158 selections and 205 codings, each on its line', async () => {
    const additions = await importQdpx(read('qc_demo.qdpx'), { now: '2024-01-01T00:00:00.000Z', fileName: 'qc_demo.qdpx' });
    expect(additions.codes).toHaveLength(262);
    expect(additions.documents.map((d) => d.title).sort()).toEqual(['admin-1', 'board_2017'].sort());
    expect(additions.segments).toHaveLength(158);
    expect(additions.segments.reduce((n, s) => n + s.codings.length, 0)).toBe(205);
    // qc names each selection "line:K": it spans line K (0-based) of its source with its line end.
    const qde = new TextDecoder().decode(unzipSync(read('qc_demo.qdpx'), { filter: (f) => f.name === 'project.qde' })['project.qde']!);
    const lineOf = new Map([...qde.matchAll(/<PlainTextSelection guid="([^"]+)" name="line:(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
    expect(lineOf.size).toBe(158);
    for (const segment of additions.segments) {
      const doc = additions.documents.find((d) => d.id === segment.documentId)!;
      expect(doc.text.slice(segment.start, segment.end)).toBe(segment.quote);
      const line = lineOf.get(segment.id);
      expect(line).toBeDefined();
      expect(segment.quote.replace(/\n$/, '')).toBe(doc.text.split('\n')[line!]);
      expect(doc.text.slice(0, segment.start).split('\n').length - 1).toBe(line);
    }
  });
});
