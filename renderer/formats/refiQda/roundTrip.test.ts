/**
 * REFI-QDA round trips of what the model has and older tools flatten: two coders' codings of
 * one span, same-name codes under different parents, and segments that cannot be placed.
 */
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { codePath, codesById } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import { CODE_IDS, codingOf, sampleProject } from '../fixtures/sampleProject';
import { xmllintValidate } from '../fixtures/xmlSchema';
import type { ProjectData } from '../projectData';
import { exportQdc, importQdc } from './codebook';
import { exportQdpx, leftOutOf } from './exportQdpx';
import { guidFor } from './guid';
import { importQdpx } from './importQdpx';

const options = { now: '2024-05-01T12:00:00.000Z', userName: 'Amal' };
let data: ProjectData;
beforeAll(async () => {
  data = await sampleProject();
});

const T = '2024-01-01T00:00:00.000Z';
const code = (id: string, name: string, parentId: string | null = null): Code => ({
  id, name, colour: '#336699', description: '', parentId, shortcut: null, createdAt: T, updatedAt: T,
});
/** "Other" under A and under B, and the two parents. */
const COUSINS = [code('a', 'A'), code('a-other', 'Other', 'a'), code('b', 'B'), code('b-other', 'Other', 'b')];
const paths = (codes: readonly Code[]) => {
  const byId = codesById(codes);
  return codes.map((c) => codePath(byId, c.id)).sort();
};

describe('.qdpx with two coders on one selection', () => {
  it('writes a <Coding> per coding with its coder, and reads both back as two codings of one segment', async () => {
    const seg = data.segments.find((s) => s.id === 'seg-4')!;
    const both = { ...seg, codings: [...seg.codings, codingOf(seg.id, CODE_IDS.emotion, 'Ben', '2024-03-04T08:00:00.000Z')] };
    const project = { ...data, segments: data.segments.map((s) => (s.id === seg.id ? both : s)) };
    const bytes = exportQdpx(project, options);
    const xml = strFromU8(unzipSync(bytes)['project.qde']!);
    expect(xmllintValidate(xml, 'Project.xsd', 'project.qde').ok).toBe(true);
    const selection = new RegExp(`<PlainTextSelection guid="${guidFor('segment', 'seg-4')}"[\\s\\S]*?</PlainTextSelection>`).exec(xml)![0];
    expect(selection.match(/<Coding /g)).toHaveLength(3);
    expect(selection).toContain(`creatingUser="${guidFor('user', 'Ben')}" creationDateTime="2024-03-04T08:00:00.000Z"`);

    const back = await importQdpx(bytes, { now: options.now });
    expect(back.segments.find((s) => s.id === 'seg-4')).toEqual(both);
    expect(back.segments.filter((s) => s.id === 'seg-4')).toHaveLength(1);
  });
});

describe('.qdpx of segments that cannot be placed', () => {
  it('leaves them out (a selection needs positions) and says how many', async () => {
    const project = { ...data, placement: new Map([['seg-5', 'unplaced' as const]]) };
    expect(leftOutOf(project)).toBe(1);
    expect(leftOutOf({ ...data, documents: data.documents.slice(0, 1) })).toBe(2);
    const back = await importQdpx(exportQdpx(project, options), { now: options.now });
    expect(back.segments.map((s) => s.id).sort()).toEqual(data.segments.map((s) => s.id).filter((id) => id !== 'seg-5').sort());
  });
});

describe('same-name cousins', () => {
  it('survive a .qdc round trip as two codes with their paths', () => {
    const { codes } = importQdc(exportQdc(COUSINS), { now: T });
    expect(codes).toHaveLength(4);
    expect(paths(codes)).toEqual(['A', 'A > Other', 'B', 'B > Other']);
  });

  it('survive a .qdpx round trip, each keeping its own codings', async () => {
    const seg = data.segments[0]!;
    const project: ProjectData = {
      ...data,
      codes: COUSINS,
      segments: [{ ...seg, codings: [codingOf(seg.id, 'a-other', 'Amal'), codingOf(seg.id, 'b-other', 'Amal')] }],
    };
    const back = await importQdpx(exportQdpx(project, options), { now: T });
    expect(paths(back.codes)).toEqual(['A', 'A > Other', 'B', 'B > Other']);
    const byId = codesById(back.codes);
    expect(back.segments[0]!.codings.map((c) => codePath(byId, c.codeId))).toEqual(['A > Other', 'B > Other']);
  });
});
