/**
 * Sources as other tools write them: text only in a richTextPath .docx (NVivo), memos as
 * <Description> on sources, selections and codings (QualCoder), creators and dates kept.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docxFile } from '../../../scripts/fixtures/docxFile';
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
        '3 description(s) of sources, selections or codings were read as memos.',
      ]),
    );
  });
});
