/**
 * Sources as other tools write them: text only in a richTextPath .docx (NVivo), memos as
 * <Description> on sources, selections and codings (QualCoder), creators and dates kept.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFile } from '../../../scripts/fixtures/docxFile';
import { xmllintValidate } from '../fixtures/xmlSchema';
import type { ProjectData } from '../projectData';
import { planAdditions } from '../../project/jobs/importPlans';
import { exportQdpx } from './exportQdpx';
import { importQdpx } from './importQdpx';

const G = (n: number) => `${String(n).padStart(8, '0')}-aaaa-4bbb-8ccc-${String(n).padStart(12, '0')}`;

async function project(): Promise<Uint8Array> {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="QualCoder 3.5">
  <Users><User guid="${G(1)}" name="Ngozi"/></Users>
  <CodeBook><Codes><Code guid="${G(10)}" name="Hope" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="${G(20)}" name="Interview" richTextPath="internal://${G(20)}.docx" creatingUser="${G(1)}" creationDateTime="2023-04-01T10:00:00Z">
      <Description>Recorded in the camp.</Description>
      <PlainTextSelection guid="${G(30)}" startPosition="0" endPosition="13" creatingUser="${G(1)}">
        <Description>Opening words.</Description>
        <Coding guid="${G(40)}" creatingUser="${G(1)}"><Description>Clearly hope.</Description><CodeRef targetGUID="${G(10)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>`;
  return zipSync({ 'project.qde': strToU8(xml), [`sources/${G(20)}.docx`]: await docxFile({ paragraphs: ['We still hope for a return.'] }) });
}

describe('rich-text sources and descriptions', () => {
  it('reads the text from the .docx, descriptions as memos, and the source creator and date', async () => {
    const additions = await importQdpx(await project(), { now: '2024-01-01T00:00:00.000Z' });
    expect(additions.documents).toHaveLength(1);
    const doc = additions.documents[0]!;
    expect(doc.text).toBe('We still hope for a return.');
    expect(doc.provenance).toMatchObject({ creator: 'Ngozi', createdAt: '2023-04-01T10:00:00Z' });
    expect(additions.segments.map((s) => [s.quote, s.memo, s.codings.map((c) => c.coder)])).toEqual([
      ['We still hope', 'Opening words.\n\nClearly hope.', ['Ngozi']],
    ]);
    expect(additions.memos.map((m) => m.text)).toEqual(['Recorded in the camp.']);
    expect(additions.report).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/its text was read from .*\.docx/),
        '3 descriptions of sources, selections or codings were read as memos.',
      ]),
    );
  });
});

describe('exporting what other tools read', () => {
  it('writes memos as <Note> and <Description>, keeps the source creator and date, and attributes as variables — valid, and read back without doubling', async () => {
    const additions = await importQdpx(await project(), { now: '2024-01-01T00:00:00.000Z' });
    const doc = additions.documents[0]!;
    const data: ProjectData = {
      documents: [{ ...doc, attributes: { kind: 'interview', place: '', date: '2023', region: 'North', age: '41' } }],
      codes: additions.codes,
      segments: additions.segments,
      memos: additions.memos,
      settings: { coder: 'Ada' },
      importedDocuments: additions.documents,
      attributes: [
        { id: 'kind', name: 'Kind', type: 'text' },
        { id: 'place', name: 'Place', type: 'text' },
        { id: 'date', name: 'Date', type: 'date' },
        { id: 'region', name: 'Region', type: 'category' },
        { id: 'age', name: 'Age', type: 'number' },
      ],
    };
    const xml = strFromU8(unzipSync(exportQdpx(data, { now: '2024-02-01T00:00:00.000Z', userName: 'Ada' }))['project.qde']!);
    const check = xmllintValidate(xml, 'Project.xsd', 'project.qde');
    expect(check.ok).toBe(true);
    expect(xml).toContain('<Description>Recorded in the camp.</Description>');
    expect(xml).toContain('<Description>Opening words.\n\nClearly hope.</Description>');
    expect(xml).toMatch(/<User guid="[^"]+" name="Ngozi"\/>/);
    expect(xml).toMatch(/<TextSource [^>]*creationDateTime="2023-04-01T10:00:00Z"/);
    expect(xml).toMatch(/<Variable guid="[^"]+" name="Age" typeOfVariable="Float"\/>/);
    expect(xml).toMatch(/<VariableRef targetGUID="[^"]+"\/>\s*<FloatValue>41<\/FloatValue>/);
    expect(xml).toMatch(/<TextValue>North<\/TextValue>/);
    expect(xml).not.toMatch(/name="Place"/);

    const back = await importQdpx(exportQdpx(data, { now: '2024-02-01T00:00:00.000Z', userName: 'Ada' }), { now: '2024-03-01T00:00:00.000Z' });
    expect(back.segments[0]!.memo).toBe('Opening words.\n\nClearly hope.');
    expect(back.memos.map((m) => m.text)).toEqual(['Recorded in the camp.']);
    expect(back.documents[0]!.provenance).toMatchObject({ creator: 'Ngozi' });
  });
});

describe('variables both ways', () => {
  it('reads variables beyond kind, place and date as attributes with each source’s values, and a plan matches them by name', async () => {
    const additions = await importQdpx(await project(), { now: '2024-01-01T00:00:00.000Z' });
    const doc = additions.documents[0]!;
    const data: ProjectData = {
      documents: [{ ...doc, attributes: { kind: 'interview', region: 'North', age: '41', when: '2023-05-02' } }],
      codes: additions.codes,
      segments: [],
      memos: [],
      settings: { coder: 'Ada' },
      attributes: [
        { id: 'kind', name: 'Kind', type: 'text' },
        { id: 'region', name: 'Region', type: 'category' },
        { id: 'age', name: 'Age', type: 'number' },
        { id: 'when', name: 'Interviewed', type: 'date' },
      ],
    };
    const back = await importQdpx(exportQdpx(data, { now: '2024-02-01T00:00:00.000Z', userName: 'Ada' }), { now: '2024-03-01T00:00:00.000Z' });
    expect(back.documents[0]!.kind).toBe('interview');
    expect(back.attributes!.map((a) => [a.name, a.type])).toEqual([
      ['Region', 'text'],
      ['Age', 'number'],
      ['Interviewed', 'date'],
    ]);
    const byName = new Map(back.attributes!.map((a) => [a.name, a.id]));
    expect(back.documentInfo).toEqual([
      {
        documentId: back.documents[0]!.id,
        title: null,
        attributes: { [byName.get('Region')!]: 'North', [byName.get('Age')!]: '41', [byName.get('Interviewed')!]: '2023-05-02' },
        removed: false,
        updatedAt: '2024-03-01T00:00:00.000Z',
      },
    ]);
    expect(back.report.join('\n')).not.toMatch(/Variable/);

    const here = { id: 'mine', name: 'region', type: 'text' as const, values: [], position: 0 };
    const plan = planAdditions(
      { codes: [], segments: [], memos: [], importedDocuments: [], settings: { coder: 'Ada' }, attributes: [here], documentInfo: [] },
      back,
      [],
      { now: '2024-03-01T00:00:00.000Z', fileName: 'x.qdpx' },
    );
    expect(Object.values(plan.change.forward.attributes!).map((a) => a!.name)).toEqual(['Age', 'Interviewed']);
    const info = Object.values(plan.change.forward.documentInfo!)[0]!;
    expect(info.attributes.mine).toBe('North');
    expect(plan.notes).toEqual([expect.stringMatching(/^2 attribute\(s\) added from the file's variables: .*Age.*Interviewed/)]);
  });
});
