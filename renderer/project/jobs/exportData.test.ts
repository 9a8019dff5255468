/**
 * Exports of a document whose text changed after coding and that nobody opened since: the
 * export job places its segments itself, so CSV, W3C and .qdpx offsets slice the current text
 * to the quote, and a passage that is gone is written without offsets (or left out), never
 * with wrong ones. A backup is the project itself: its rows stay as stored.
 */
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../common/bytes';
import { sha256Hex } from '../../../common/text/sha256';
import { SegmentTable } from '../../domain/segmentTable';
import { LETTER_TEXT, sampleProject } from '../../formats/fixtures/sampleProject';
import type { ProjectData } from '../../formats/projectData';
import { guidFor } from '../../formats/refiQda/guid';
import type { WebAnnotationCollection } from '../../formats/webAnnotation/webAnnotation';
import { Placements } from '../placements';
import type { ReadableDocument } from '../corpus';
import { exportProject, type ExportSource } from './produceExport';

const NOW = new Date('2024-05-01T12:00:00.000Z');
const PREPENDED = 'A paragraph written into the letter after it was coded.\n';
const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

let data: ProjectData;
beforeAll(async () => {
  data = await sampleProject();
});

/** The project with the letter's text now `letterText` (changed on disk, never opened). */
function changedLetter(letterText: string): ExportSource {
  const letterHash = sha256Hex(letterText);
  const listing: ReadableDocument[] = data.documents.map(({ text: _t, ...d }) => ({
    ...d,
    sha256: d.id === 'letter-1848-01' ? letterHash : d.sha256,
    origin: 'corpus' as const,
  }));
  const texts = new Map(data.documents.map((d) => [d.id, d.id === 'letter-1848-01' ? letterText : d.text]));
  return {
    listing,
    loadText: async (id) => texts.get(id)!,
    state: { codes: data.codes, segments: SegmentTable.of(data.segments), memos: data.memos, documents: [], settings: data.settings },
    placements: new Placements(),
  };
}

const csvRows = (content: string) =>
  Papa.parse<Record<string, string>>(content.slice(1), { header: true, skipEmptyLines: true }).data;

describe('export of a changed, never-opened document', () => {
  const letterNow = PREPENDED + LETTER_TEXT;

  it('CSV: every row slices the current text to its quote, and says the segment moved', async () => {
    const source = changedLetter(letterNow);
    const produced = await exportProject('csv-long', source, { now: NOW, userName: 'Amal', csv: { excelSafe: false } });
    const rows = csvRows(produced.content);
    const letterRows = rows.filter((r) => r.document_id === 'letter-1848-01');
    expect(letterRows.length).toBeGreaterThan(0);
    for (const r of letterRows) {
      expect(cpSlice(letterNow, Number(r.start), Number(r.end))).toBe(r.quote);
      expect(r.placement).toBe('moved');
    }
    expect(rows.filter((r) => r.document_id === 'diary-1850').map((r) => r.placement)).toEqual(['exact', 'exact', 'exact']);
    expect(produced.unplaced).toBe(0);
  });

  it('W3C: every position selector slices the current text to the quote selector', async () => {
    const produced = await exportProject('annotations', changedLetter(letterNow), { now: NOW, userName: 'Amal' });
    const collection = JSON.parse(produced.content) as WebAnnotationCollection;
    const letter = collection.first.items.filter((a) => a.target.source.endsWith('letter-1848-01'));
    expect(letter).toHaveLength(5);
    for (const a of letter) {
      const [quote, position] = a.target.selector;
      if (quote?.type !== 'TextQuoteSelector' || position?.type !== 'TextPositionSelector') throw new Error('both selectors expected');
      expect(cpSlice(letterNow, position.start, position.end)).toBe(quote.exact);
    }
  });

  it('.qdpx: every selection of the letter slices the text in the archive to its name', async () => {
    const produced = await exportProject('qdpx', changedLetter(letterNow), { now: NOW, userName: 'Amal' });
    const files = unzipSync(base64ToBytes(produced.content));
    const guid = guidFor('document', 'letter-1848-01');
    const text = strFromU8(files[`sources/${guid}.txt`]!);
    expect(text).toBe(letterNow);
    const xml = strFromU8(files['project.qde']!);
    const source = new RegExp(`<TextSource guid="${guid}"[\\s\\S]*?</TextSource>`).exec(xml)![0];
    const selections = [...source.matchAll(/name="([^"]*)" startPosition="(\d+)" endPosition="(\d+)"/g)];
    expect(selections).toHaveLength(5);
    for (const [, name, start, end] of selections) expect(cpSlice(text, Number(start), Number(end))).toBe(name!.replace(/&quot;/g, '"'));
    expect(produced.leftOut).toBe(0);
  });
});

describe('export of a passage that is gone from the current text', () => {
  const letterNow = PREPENDED + LETTER_TEXT.replace('-5 degrees at night', 'Cold at night');

  it('CSV keeps its rows with empty offsets, W3C drops only its position, .qdpx leaves it out and says so', async () => {
    const source = changedLetter(letterNow);
    const csv = await exportProject('csv-long', source, { now: NOW, userName: 'Amal' });
    const seg5 = csvRows(csv.content).find((r) => r.segment_id === 'seg-5')!;
    expect([seg5.placement, seg5.start, seg5.end]).toEqual(['unplaced', '', '']);
    expect(csv.unplaced).toBe(1);

    const w3c = JSON.parse((await exportProject('annotations', source, { now: NOW, userName: 'Amal' })).content) as WebAnnotationCollection;
    const annotation = w3c.first.items.find((a) => a.id === `urn:uuid:${guidFor('segment', 'seg-5')}`)!;
    expect(annotation.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);

    const qdpx = await exportProject('qdpx', source, { now: NOW, userName: 'Amal' });
    expect(qdpx.leftOut).toBe(1);
    expect(strFromU8(unzipSync(base64ToBytes(qdpx.content))['project.qde']!)).not.toContain(guidFor('segment', 'seg-5'));
  });

  it('a backup keeps the stored rows as they are', async () => {
    const source = changedLetter(letterNow);
    const backup = JSON.parse((await exportProject('backup', source, { now: NOW, userName: 'Amal' })).content) as ProjectData;
    const stored = new Map(data.segments.map((s) => [s.id, s]));
    for (const s of backup.segments) expect([s.start, s.end, s.quote]).toEqual([stored.get(s.id)!.start, stored.get(s.id)!.end, stored.get(s.id)!.quote]);
  });
});
