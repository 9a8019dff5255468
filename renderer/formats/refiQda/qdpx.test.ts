import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { codePath, codesById } from '../../domain/codeTree';
import type { ProjectData } from '../projectData';
import { codingOf, sampleProject } from '../fixtures/sampleProject';
import { xmllintValidate } from '../fixtures/xmlSchema';
import { exportQdc, importQdc } from './codebook';
import { exportQdpx } from './exportQdpx';
import { guidFor, isGuid, normaliseGuid } from './guid';
import { importQdpx } from './importQdpx';

let data: ProjectData;
let qdpx: Uint8Array;
const options = { now: '2024-05-01T12:00:00.000Z', userName: 'Amal' };
beforeAll(async () => {
  data = await sampleProject();
  qdpx = exportQdpx(data, options);
});

describe('GUIDs', () => {
  it('keeps GUID ids and derives stable, schema-shaped GUIDs for the others', () => {
    expect(guidFor('code', '0B5E7C1A-3F2D-4C6E-9A8B-1C2D3E4F5A6B')).toBe('0b5e7c1a-3f2d-4c6e-9a8b-1c2d3e4f5a6b');
    const derived = guidFor('document', 'letter-1848-01');
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(guidFor('document', 'letter-1848-01')).toBe(derived);
    expect(guidFor('segment', 'letter-1848-01')).not.toBe(derived);
    expect(isGuid('{0B5E7C1A-3F2D-4C6E-9A8B-1C2D3E4F5A6B}')).toBe(true);
    expect(isGuid('{0B5E7C1A-3F2D-4C6E-9A8B-1C2D3E4F5A6B')).toBe(false);
    expect(normaliseGuid('{0B5E7C1A-3F2D-4C6E-9A8B-1C2D3E4F5A6B}')).toBe('0b5e7c1a-3f2d-4c6e-9a8b-1c2d3e4f5a6b');
  });
});

describe('exportQdpx', () => {
  it('writes project.qde valid against Project.xsd and one UTF-8 text per document', () => {
    const files = unzipSync(qdpx);
    const xml = strFromU8(files['project.qde']!);
    const check = xmllintValidate(xml, 'Project.xsd', 'project.qde');
    expect(check.output).toContain('validates');
    expect(check.ok).toBe(true);
    for (const doc of data.documents) {
      const path = `sources/${guidFor('document', doc.id)}.txt`;
      expect(strFromU8(files[path]!)).toBe(doc.text);
      expect(xml).toContain(`plainTextPath="internal://${guidFor('document', doc.id)}.txt"`);
    }
  });

  it('writes positions in code points, hierarchy by nesting, memos as notes', () => {
    const xml = strFromU8(unzipSync(qdpx)['project.qde']!);
    // "😢 again" starts at UTF-16 30 = code point 30 and ends at UTF-16 38 = code point 37.
    expect(xml).toMatch(/name="😢 again" startPosition="30" endPosition="37"/);
    expect(xml).toMatch(/<Code guid="[^"]+" name="Hardship"[^>]*>\s*<Description>[^<]*<\/Description>\s*<Code guid="0b5e7c1a[^"]+" name="Crop failure"/);
    expect(xml).toContain('<PlainTextContent>She writes "again",\nthen stops; note the comma, and CR&#13;\nline.</PlainTextContent>');
    expect(xml).toContain('<User guid="' + guidFor('user', 'Ben') + '" name="Ben"/>');
  });

  it('is byte-identical for identical input', () => {
    expect(exportQdpx(data, options)).toEqual(qdpx);
  });

  it('stays valid with a memo holding control characters and an empty codebook', () => {
    const odd: ProjectData = {
      ...data,
      codes: [],
      segments: [{ ...data.segments[0]!, codings: [codingOf('seg-1', 'gone', 'Amal')], memo: 'bell\u0007 and tab\t' }],
    };
    const xml = strFromU8(unzipSync(exportQdpx(odd, options))['project.qde']!);
    expect(xmllintValidate(xml, 'Project.xsd', 'project.qde').ok).toBe(true);
    expect(xml).toContain('bell\uFFFD and tab\t');
  });
});

describe('importQdpx of our own export', () => {
  it('reproduces documents, codes, segments and memos with our ids', async () => {
    const imported = await importQdpx(qdpx, { now: options.now, fileName: 'study.qdpx' });
    expect(imported.report).toEqual([]);
    expect(imported.segments.sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      [...data.segments].sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    // Positions: the file's order, which is the tree's (see the .qdc tests).
    const strip = ({ createdAt: _c, updatedAt: _u, shortcut: _s, position: _p, ...rest }: (typeof data.codes)[number]) => rest;
    expect(imported.codes.map(strip).sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(
      data.codes.map(strip).sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    expect(imported.memos).toEqual(data.memos);
    expect(imported.documents.map(({ id, title, kind, place, date, sha256, text, source }) => ({ id, title, kind, place, date, sha256, text, source }))).toEqual(
      data.documents.map((d) => ({ ...d, source: 'study.qdpx' })),
    );
  });
});

describe('codebook (.qdc)', () => {
  it('is valid against Codebook.xsd and imports back with hierarchy, colours and descriptions', () => {
    const xml = exportQdc(data.codes);
    const check = xmllintValidate(xml, 'Codebook.xsd', 'codebook.qdc');
    expect(check.output).toContain('validates');
    const { codes, report } = importQdc(xml, { now: options.now });
    expect(report).toEqual([]);
    const summary = (list: typeof codes) => {
      const byId = codesById(list);
      return list.map((c) => `${codePath(byId, c.id)}|${c.colour}|${c.description}`).sort();
    };
    expect(summary(codes)).toEqual(summary(data.codes));
    expect(codes.find((c) => c.name === 'Crop failure')!.id).toBe('0b5e7c1a-3f2d-4c6e-9a8b-1c2d3e4f5a6b');
  });

  it('refuses an empty codebook and rejects files that are not codebooks', () => {
    expect(() => exportQdc([])).toThrow(/empty/);
    expect(() => importQdc('<Project name="x"/>')).toThrow(/no <CodeBook> root/);
    expect(() => importQdc('<CodeBook><Codes>')).toThrow(/not well-formed XML \(line 1/);
  });

  it('reports what it cannot keep', () => {
    const xml = `<?xml version="1.0"?><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
      <Code guid="{11111111-2222-3333-4444-555555555555}" name="Top" isCodable="false" color="#abc">
        <Code guid="bad-guid" name="Broken" isCodable="true"/></Code></Codes>
      <Sets><Set guid="21111111-2222-3333-4444-555555555555" name="S"/></Sets></CodeBook>`;
    const { codes, report } = importQdc(xml, { now: options.now });
    expect(codes).toHaveLength(2);
    expect(codes[0]).toMatchObject({ id: '11111111-2222-3333-4444-555555555555', colour: '#aabbcc' });
    expect(codes[1]).toMatchObject({ name: 'Broken', parentId: codes[0]!.id, id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(report.join('\n')).toMatch(/not codable/);
    expect(report.join('\n')).toMatch(/Code "Top > Broken" has no valid GUID \("bad-guid"\); it was imported with a new one/);
    expect(report.join('\n')).toMatch(/1 code set/);
  });
});

describe('importQdpx refuses damaged input with a clear message', () => {
  it('not a ZIP', async () => {
    await expect(importQdpx(strToU8('just text'))).rejects.toThrow(/not a readable \.qdpx file/);
  });
  it('a ZIP without project.qde', async () => {
    await expect(importQdpx(zipSync({ 'readme.txt': strToU8('hi') }))).rejects.toThrow(/no project\.qde/);
  });
  it('project.qde that is not well-formed XML', async () => {
    const bad = zipSync({ 'project.qde': strToU8('<Project name="x">\n<Sources>\n</Project>') });
    await expect(importQdpx(bad)).rejects.toThrow(/project\.qde is not well-formed XML \(line 3/);
  });
  it('XML that is not a project', async () => {
    await expect(importQdpx(zipSync({ 'project.qde': strToU8('<CodeBook/>') }))).rejects.toThrow(/no <Project> root/);
  });
});
