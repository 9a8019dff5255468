/**
 * Importing projects written by other tools. The archives are built here with fflate, in the
 * style of ATLAS.ti's REFI-QDA export: text inline as PlainTextContent with Windows line ends,
 * positions counting CRLF as two code points, braced upper-case GUIDs, a nested code, memos as
 * Notes — plus things Marginalia cannot represent, which must show up in the report.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { normaliseText } from '../../../common/text/normalise';
import { codePath, codesById } from '../../domain/codeTree';
import { importQdpx } from './importQdpx';
import { convertSource } from './sourceText';

const G = (n: number) => `{${String(n).padStart(8, '0')}-AAAA-4BBB-8CCC-${String(n).padStart(12, '0')}}`;
const g = (n: number) => G(n).slice(1, -1).toLowerCase();

const RAW = 'Interviewer: How was the winter?\r\nRespondent: Hard. We had no café.\r\nInterviewer: And now?\r\nRespondent: Better 😊, thank you.';

/** Code point positions of a quote in a text, counting CRLF as two (the standard) or one. */
function positions(text: string, quote: string, crlfAsOne = false): [number, number] {
  const basis = crlfAsOne ? text.replace(/\r\n/g, '\n') : text;
  const at = basis.indexOf(quote);
  const start = Array.from(basis.slice(0, at)).length;
  return [start, start + Array.from(quote).length];
}

function selection(guid: number, quote: string, code: number, extra = '', crlfAsOne = false, withName = true): string {
  const [start, end] = positions(RAW, quote, crlfAsOne);
  const name = withName ? ` name="${quote}"` : '';
  return `<PlainTextSelection guid="${G(guid)}"${name} startPosition="${start}" endPosition="${end}" creatingUser="${G(1)}" creationDateTime="2023-11-05T14:03:00">
      <Coding guid="${G(guid + 100)}" creatingUser="${G(1)}"><CodeRef targetGUID="${G(code)}"/></Coding>${extra}
    </PlainTextSelection>`;
}

function atlasProject(selections: string, content = RAW): Uint8Array {
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Winter study" origin="ATLAS.ti 23.2.1">
  <Users><User guid="${G(1)}" name="Dr. Okafor"/></Users>
  <CodeBook><Codes>
    <Code guid="${G(10)}" name="Hardship" isCodable="true" color="#FF0000">
      <Description>Material want</Description>
      <Code guid="${G(11)}" name="Cold" isCodable="true" color="#00f"/>
    </Code>
    <Code guid="${G(12)}" name="Recovery" isCodable="true"/>
  </Codes></CodeBook>
  <Variables><Variable guid="${G(40)}" name="Age" typeOfVariable="Integer"/><Variable guid="${G(41)}" name="Date" typeOfVariable="Date"/></Variables>
  <Sources>
    <TextSource guid="${G(20)}" name="Interview 1">
      <PlainTextContent>${content}</PlainTextContent>
      ${selections}
      <NoteRef targetGUID="${G(31)}"/>
      <VariableValue><VariableRef targetGUID="${G(40)}"/><IntegerValue>54</IntegerValue></VariableValue>
      <VariableValue><VariableRef targetGUID="${G(41)}"/><DateValue>2023-11-01</DateValue></VariableValue>
    </TextSource>
    <PDFSource guid="${G(21)}" name="Field notes.pdf" path="relative://notes.pdf"/>
  </Sources>
  <Notes>
    <Note guid="${G(30)}" name="Memo on cold" creationDateTime="2023-11-06T09:00:00Z"><PlainTextContent>Says "hard" twice &amp; shivers.</PlainTextContent></Note>
    <Note guid="${G(31)}" name="Interview memo" modifiedDateTime="2023-11-07T09:00:00Z"><PlainTextContent>Recorded at home.</PlainTextContent></Note>
    <Note guid="${G(32)}" name="Stray thought"><PlainTextContent>Unattached.</PlainTextContent></Note>
  </Notes>
  <Sets><Set guid="${G(50)}" name="Core codes"><MemberCode targetGUID="${G(10)}"/></Set></Sets>
</Project>`;
  return zipSync({ 'project.qde': strToU8(xml) });
}

describe('importQdpx of an ATLAS.ti-style project', () => {
  const selections = [
    selection(60, 'Hard. We had no café.', 11, `<NoteRef targetGUID="${G(30)}"/>`),
    selection(61, 'Better 😊, thank you', 12),
    selection(62, 'We had no café', 10),
  ].join('\n');

  it('lands CRLF positions on the right text and keeps codes, users and memos', async () => {
    const result = await importQdpx(atlasProject(selections), { now: '2024-01-01T00:00:00.000Z', fileName: 'winter.qdpx' });
    const [doc] = result.documents;
    expect(result.documents).toHaveLength(1);
    expect(doc).toMatchObject({ id: g(20), title: 'Interview 1', date: '2023-11-01', source: 'winter.qdpx' });
    expect(doc!.text).toBe(RAW.replace(/\r\n/g, '\n'));

    const quotes = result.segments.map((s) => [s.quote, doc!.text.slice(s.start, s.end), s.codings[0]!.coder]);
    expect(quotes).toEqual([
      ['Hard. We had no café.', 'Hard. We had no café.', 'Dr. Okafor'],
      ['Better 😊, thank you', 'Better 😊, thank you', 'Dr. Okafor'],
      ['We had no café', 'We had no café', 'Dr. Okafor'],
    ]);
    const first = result.segments[0]!;
    expect(first).toMatchObject({ id: g(60), documentId: g(20), memo: 'Says "hard" twice & shivers.' });
    expect(first.codings).toEqual([{ id: g(160), codeId: g(11), coder: 'Dr. Okafor', createdAt: '2023-11-05T14:03:00.000Z' }]);
    expect(first.createdAt).toBe('2023-11-05T14:03:00.000Z');
    // 32 UTF-16 units of context, as the app keeps it.
    expect(first.prefix).toBe('How was the winter?\nRespondent: ');
    expect(first.documentHash).toBe(doc!.sha256);

    const byId = codesById(result.codes);
    expect(result.codes.map((c) => [codePath(byId, c.id), c.colour, c.description])).toEqual([
      ['Hardship', '#FF0000', 'Material want'],
      ['Hardship > Cold', '#0000ff', ''],
      ['Recovery', expect.stringMatching(/^#[0-9a-f]{6}$/), ''],
    ]);
    expect(result.memos).toEqual([{ documentId: g(20), text: 'Recorded at home.', updatedAt: '2023-11-07T09:00:00Z' }]);
  });

  it('lists everything it could not represent', async () => {
    const { report } = await importQdpx(atlasProject(selections));
    const text = report.join('\n');
    expect(text).toMatch(/"Interview 1": positions were read as counting a CRLF line end as two characters/);
    expect(text).toMatch(/PDF source "Field notes\.pdf" was not imported/);
    // Age is read as a document attribute now (renderer/formats/refiQda/richSources.test.ts), not lost.
    expect(text).not.toMatch(/Variable "Age"/);
    expect(text).toMatch(/1 set was not imported/);
    expect(text).toMatch(/1 note not attached .*"Stray thought"/);
  });

  it('detects a tool that counts CRLF as one character', async () => {
    const asOne = [
      selection(60, 'Hard. We had no café.', 11, '', true),
      selection(61, 'Better 😊, thank you', 12, '', true),
    ].join('\n');
    const result = await importQdpx(atlasProject(asOne));
    expect(result.segments.map((s) => s.quote)).toEqual(['Hard. We had no café.', 'Better 😊, thank you']);
    expect(result.report.join('\n')).toMatch(/as one character/);
    // Without names to compare, word edges decide.
    const unnamed = [
      selection(60, 'Hard. We had no café.', 11, '', true, false),
      selection(61, 'Better 😊, thank you', 12, '', true, false),
    ].join('\n');
    expect((await importQdpx(atlasProject(unnamed))).segments.map((s) => s.quote)).toEqual([
      'Hard. We had no café.',
      'Better 😊, thank you',
    ]);
  });

  it('skips and reports selections without codes or outside the text', async () => {
    const broken = `<PlainTextSelection guid="${G(70)}" name="nothing" startPosition="0" endPosition="5"/>
      <PlainTextSelection guid="${G(71)}" name="far" startPosition="9000" endPosition="9005"><Coding guid="${G(72)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
      <PlainTextSelection guid="${G(73)}" name="ghost" startPosition="0" endPosition="5"><Coding guid="${G(74)}"><CodeRef targetGUID="${G(99)}"/></Coding></PlainTextSelection>`;
    const result = await importQdpx(atlasProject(broken));
    expect(result.segments).toEqual([]);
    const text = result.report.join('\n');
    expect(text).toMatch(/Selection "nothing" in "Interview 1" has no code/);
    expect(text).toMatch(/Selection "far" in "Interview 1": its position is empty or outside the text/);
    expect(text).toMatch(/Selection "ghost" in "Interview 1": 1 coding refers to codes not in the codebook/);
  });
});

describe('convertSource', () => {
  it('maps code points of a text with a BOM, CRLF and a decomposed accent to the normalised UTF-16 text', () => {
    const raw = '\uFEFFcafe\u0301\r\nna\u00efve 😀 end';
    // Standard positions: "café" = 0..5 (e + combining acute = 2 code points), "end" after CRLF and emoji.
    const cps = Array.from(raw.slice(1));
    const endAt = cps.indexOf('e', 12);
    const { text, spans, convention } = convertSource(raw, [
      { start: 0, end: 5 },
      { start: endAt, end: endAt + 3 },
      { start: 3, end: 99 },
    ]);
    expect(text).toBe('café\nnaïve 😀 end');
    expect(convention).toBe('crlf-as-two');
    expect(text.slice(spans[0]!.start, spans[0]!.end)).toBe('café');
    expect(text.slice(spans[1]!.start, spans[1]!.end)).toBe('end');
    expect(spans[2]).toBeNull();
  });

  it('produces exactly the text normaliseText does, step by step (the one rule behind every offset)', () => {
    const raw = '\uFEFFCafe\u0301 🙂\r\nالتحالف\rend\n';
    expect(convertSource(raw, []).text).toBe(normaliseText(raw));
  });

  it('reads a sources/ file named by plainTextPath, with BOM and CRLF', async () => {
    const text = '\uFEFFLine one\r\nLine two\r\n';
    const xml = `<Project xmlns="urn:QDA-XML:project:1.0" name="p">
      <CodeBook><Codes><Code guid="${G(10)}" name="A" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="${G(20)}" name="File source" plainTextPath="internal://${g(20)}.TXT">
        <PlainTextSelection guid="${G(60)}" startPosition="10" endPosition="18"><Coding guid="${G(61)}"><CodeRef targetGUID="${G(10)}"/></Coding></PlainTextSelection>
      </TextSource>
      <TextSource guid="${G(21)}" name="Missing" plainTextPath="relative://elsewhere.txt"/></Sources></Project>`;
    const result = await importQdpx(zipSync({ 'project.qde': strToU8(xml), [`sources/${g(20)}.txt`]: strToU8(text) }));
    expect(result.documents.map((d) => d.text)).toEqual(['Line one\nLine two\n']);
    expect(result.segments.map((s) => s.quote)).toEqual(['Line two']);
    expect(result.segments[0]!.codings[0]!.coder).toBe('');
    expect(result.report.join('\n')).toMatch(/"Missing" has no text inside the archive/);
  });
});
