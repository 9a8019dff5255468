import { describe, expect, it } from 'vitest';
import { exportBackup } from '../../formats/backup/backup';
import { sampleProject } from '../../formats/fixtures/sampleProject';
import { craftZip, text } from '../../formats/fuzz/craftZip';
import { projectXml, qdcXml, qdpx, CODES } from '../../formats/fuzz/refiFiles';
import { exportQdc } from '../../formats/refiQda/codebook';
import { importFormat } from '../../formats/registry';
import { SNIFF_BYTES } from '../../formats/sniff';
import { toWebAnnotationJson } from '../../formats/webAnnotation/webAnnotation';
import { importChoice } from './importChoice';

const BACKUP = importFormat('backup');
const QDPX = importFormat('qdpx');
const QDC = importFormat('qdc');
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('importChoice: a file is read as what its content is', () => {
  it('a .qdpx chosen as a JSON backup is read as a REFI-QDA project, and the analyst is told', () => {
    const choice = importChoice(qdpx(projectXml({ codes: CODES })), BACKUP, 'project.qdpx');
    expect(choice).toEqual({
      format: QDPX,
      note: 'project.qdpx is a REFI-QDA project (.qdpx), not a Project backup (JSON): it was read as a REFI-QDA project (.qdpx).',
    });
  });

  it('a backup chosen as a .qdpx is read as a backup, a .qdc chosen as a backup as a codebook', async () => {
    const backup = utf8(exportBackup(await sampleProject(), '2024-05-01T00:00:00.000Z'));
    expect(importChoice(backup, QDPX, 'b.json')).toMatchObject({ format: BACKUP });
    const codebook = utf8(exportQdc((await sampleProject()).codes));
    expect(importChoice(codebook, BACKUP, 'c.qdc')).toMatchObject({ format: QDC });
  });

  it('recognises a codebook behind a byte order mark, a comment and a namespace prefix, and a backup with a BOM', () => {
    const prefixed = '\ufeff<?xml version="1.0"?>\n<!-- from elsewhere -->\n<q:CodeBook xmlns:q="urn:QDA-XML:codebook:1.0"><q:Codes/></q:CodeBook>';
    expect(importChoice(utf8(prefixed), QDPX, 'c.qdc')).toMatchObject({ format: QDC });
    expect(importChoice(utf8(qdcXml(CODES)), QDPX, 'c.qdc')).toMatchObject({ format: QDC });
    expect(importChoice(utf8('\ufeff{\n  "format" : "marginalia-project", "version": 1 }'), QDC, 'b.json')).toMatchObject({ format: BACKUP });
  });

  it('the selected format is kept when the file is that format, or when nothing recognises it (its reader explains)', () => {
    expect(importChoice(qdpx(projectXml()), QDPX, 'p.qdpx')).toEqual({ format: QDPX, note: null });
    expect(importChoice(utf8('{"hello": 1}'), BACKUP, 'other.json')).toEqual({ format: BACKUP, note: null });
    expect(importChoice(utf8('this is not a zip archive'), QDPX, 'x.qdpx')).toEqual({ format: QDPX, note: null });
    // A project.qde on its own is XML, but not a codebook.
    expect(importChoice(utf8(projectXml()), BACKUP, 'project.qde')).toEqual({ format: BACKUP, note: null });
    // Too short to say anything, or a head that never reaches its root element.
    expect(importChoice(new Uint8Array(), QDC, 'empty.qdc')).toEqual({ format: QDC, note: null });
    expect(importChoice(utf8('PK'), BACKUP, 'pk.json')).toEqual({ format: BACKUP, note: null });
    expect(importChoice(utf8('<?xml version="1.0"?><!-- never closed <CodeBook>'), BACKUP, 'c.qdc')).toEqual({ format: BACKUP, note: null });
  });

  it('refuses what Import cannot read, saying what it is and where it belongs', async () => {
    const docx = craftZip([
      { name: '[Content_Types].xml', data: text('<Types/>') },
      { name: 'word/document.xml', data: text('<w:document/>') },
    ]);
    expect(importChoice(docx, QDPX, 'notes.docx')).toEqual({
      refused: 'notes.docx is a Word document (.docx): add it to the project with Add documents…, not Import.',
    });
    expect(importChoice(utf8('%PDF-1.7\n…'), BACKUP, 'paper.pdf')).toEqual({
      refused: 'paper.pdf is a PDF (.pdf): add it to the project with Add documents…, not Import.',
    });
    const annotations = utf8(toWebAnnotationJson(await sampleProject()));
    expect(importChoice(annotations, BACKUP, 'a.jsonld')).toEqual({
      refused: 'a.jsonld is a W3C Web Annotations (JSON-LD) file, which Marginalia writes but cannot import.',
    });
  });

  it('looks at the first bytes only: a signature past them is not seen', () => {
    const late = utf8(`{${' '.repeat(SNIFF_BYTES)}"format": "marginalia-project"}`);
    expect(importChoice(late, QDPX, 'late.json')).toEqual({ format: QDPX, note: null });
  });
});
