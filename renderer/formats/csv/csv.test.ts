import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_IDS, codingOf, sampleProject } from '../fixtures/sampleProject';
import { codePointIndex } from '../../../common/text/codePoints';
import { csvChunks, toCsv } from './csv';
import { EXCEL_SAFE_COLUMNS, LONG_COLUMNS, SEGMENT_COLUMNS } from './csvColumns';
import { buildCsvTable, type CsvOptions } from './csvTable';
import type { ProjectData } from '../projectData';

let data: ProjectData;
beforeAll(async () => {
  data = await sampleProject();
});

function parse(csv: string): Record<string, string>[] {
  const body = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  const result = Papa.parse<Record<string, string>>(body, { header: true, skipEmptyLines: false });
  expect(result.errors).toEqual([]);
  return result.data;
}

const textOf = (id: string) => data.documents.find((d) => d.id === id)!.text;
const cpSlice = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

describe('toCsv long shape', () => {
  it('has the documented columns, one row per coding, in corpus/start/end/code-path order', () => {
    const csv = toCsv(data, { excelSafe: false });
    expect(csv.startsWith('\uFEFF' + LONG_COLUMNS.join(',') + '\r\n')).toBe(true);
    const rows = parse(csv);
    expect(rows).toHaveLength(data.segments.reduce((n, s) => n + s.codings.length, 0));
    expect(rows.map((r) => `${r.segment_id}|${r.code_path}`)).toEqual([
      'seg-1|Hardship > Crop failure',
      'seg-1|Hardship > Crop failure > Drought',
      'seg-2|Emotion',
      '7d9f3c2e-1b4a-4e5f-8a6b-7c8d9e0f1a2b|Language',
      'seg-4|Emotion',
      'seg-4|Hardship',
      'seg-5|Hardship',
      'seg-7|+Hope',
      'seg-7|Emotion',
      'seg-6|+Hope',
    ]);
    const drought = rows[1]!;
    expect(drought.code).toBe('Drought');
    expect(drought.document_title).toBe('Letter, "home" 1848');
    expect(drought.document_date).toBe('1848-02-11');
    expect(rows[9]!.document_date).toBe('');
  });

  it('gives code point offsets that slice the text back to the quote (emoji, Arabic, combining marks)', () => {
    const rows = parse(toCsv(data, { excelSafe: false }));
    for (const row of rows) {
      expect(cpSlice(textOf(row.document_id!), Number(row.start), Number(row.end))).toBe(row.quote);
    }
    // seg-2 starts on an emoji (one code point, two UTF-16 units): only its end shifts.
    const seg2 = data.segments.find((s) => s.id === 'seg-2')!;
    const row2 = rows.find((r) => r.segment_id === 'seg-2')!;
    expect(Number(row2.start)).toBe(seg2.start);
    expect(Number(row2.end)).toBe(seg2.end - 1);
    // The Arabic segment comes after the emoji: both offsets shift by one.
    const arabic = data.segments.find((s) => s.quote.startsWith('مرحبا'))!;
    const rowA = rows.find((r) => r.segment_id === arabic.id)!;
    expect([Number(rowA.start), Number(rowA.end)]).toEqual([arabic.start - 1, arabic.end - 1]);
  });

  it('keeps quotes, commas and newlines of memos intact and writes timestamps in UTC', () => {
    const csv = toCsv(data);
    const row = parse(csv).find((r) => r.segment_id === 'seg-2')!;
    expect(row.memo).toBe('She writes "again",\nthen stops; note the comma, and CR\r\nline.');
    expect(csv).toContain('"She writes ""again"",\nthen stops');
    expect(row.created_at).toBe('2024-03-03T10:00:00.000Z');
    expect(row.updated_at).toBe('2024-03-02T10:30:00.000Z');
    expect(row.coder).toBe('Ben');
  });

  it('separates records with CRLF and has no BOM when asked', () => {
    const csv = toCsv(data, { bom: false });
    expect(csv.charCodeAt(0)).toBe('s'.charCodeAt(0));
    const records = csv.split('\r\n');
    expect(records[0]).toBe(LONG_COLUMNS.join(','));
    expect(toCsv(data).charCodeAt(0)).toBe(0xfeff);
  });

  it('prefixes formula-like cells with an apostrophe by default, and not when excelSafe is false', () => {
    const safe = parse(toCsv(data));
    const seg5 = safe.find((r) => r.segment_id === 'seg-5')!;
    expect(seg5.quote).toBe("'-5 degrees");
    expect(seg5.memo).toBe('\'=HYPERLINK("http://x")');
    const seg6 = safe.find((r) => r.segment_id === 'seg-6')!;
    expect(seg6.document_title).toBe("'=Diary of Ben");
    expect(seg6.code).toBe("'+Hope");
    expect(seg6.code_path).toBe("'+Hope");
    expect(seg6.quote).toBe("'+1 for the new well 🌧️");
    expect(seg6.memo).toBe("'@mention");
    // Machine-made columns are never touched.
    for (const row of safe) expect(row.segment_id!.startsWith("'")).toBe(false);

    const raw = parse(toCsv(data, { excelSafe: false })).find((r) => r.segment_id === 'seg-6')!;
    expect(raw.document_title).toBe('=Diary of Ben');
    expect(raw.quote).toBe('+1 for the new well 🌧️');
    expect(EXCEL_SAFE_COLUMNS).toContain('memo');
  });
});

describe('Excel-safe protects every column whose content can come from outside', () => {
  const starts = ['=', '-', '@', '+', '\t', '\r'];
  /** The sample project with ids, dates and coders from a hostile file: each starts with a formula character. */
  const hostile = (): ProjectData => {
    const documents = data.documents.map((d, i) => ({ ...d, id: `${starts[i]}doc${i}`, date: `${starts[(i + 2) % 6]}1848` }));
    const docId = new Map(data.documents.map((d, i) => [d.id, documents[i]!.id]));
    const segments = data.segments.map((s, i) => ({
      ...s,
      id: `${starts[i % 6]}cmd|' /C calc'!A0-${i}`,
      documentId: docId.get(s.documentId)!,
      codings: s.codings.map((c) => ({ ...c, coder: `${starts[(i + 1) % 6]}coder` })),
    }));
    return { ...data, documents, segments };
  };

  for (const shape of ['long', 'wide'] as const) {
    it(`${shape} shape: no cell of any column starts with = - @ + tab or CR; with the option off they are as stored`, () => {
      const rows = parse(toCsv(hostile(), { shape }));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        for (const [column, cell] of Object.entries(row)) expect([column, /^[=\-@+\t\r]/.test(cell!)]).toEqual([column, false]);
        expect(row.segment_id).toMatch(/^'[=\-@+\t\r]cmd/);
        expect(row.document_id).toMatch(/^'[=\-@+\t\r]doc/);
        expect(row.document_date).toMatch(/^'[=\-@+\t\r]1848$/);
      }
      const raw = parse(toCsv(hostile(), { shape, excelSafe: false }));
      expect(raw.some((r) => r.segment_id!.startsWith('=cmd'))).toBe(true);
    });
  }
});

/** Code points before each UTF-16 index, counted one unit at a time (what codePointIndex must equal). */
function referenceCodePoints(text: string): (utf16Offset: number) => number {
  const cpAt: number[] = [];
  let cp = 0;
  for (let i = 0; i < text.length; i++) {
    cpAt[i] = cp;
    const c = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) cpAt[++i] = cp + 1; // inside a pair: past it
    cp++;
  }
  cpAt[text.length] = cp;
  return (o) => cpAt[Math.max(0, Math.min(text.length, o))] ?? cp;
}

describe('code point offsets', () => {
  it('codePointIndex counts like a unit-by-unit count, in every position of a text with pairs and lone surrogates', () => {
    for (const text of ['', 'abc', '😀', 'a😀b\uD800c🌧d\uDC00e', '\uDC00\uD800😀😀x', 'é🇸🇦 التحالف 👩🏽‍🔬']) {
      const cp = codePointIndex(text);
      const ref = referenceCodePoints(text);
      for (let o = -2; o <= text.length + 2; o++) expect([text, o, cp(o)]).toEqual([text, o, ref(o)]);
      expect(cp(0.5)).toBe(ref(text.length));
      expect(cp(text.length)).toBe([...text].length);
    }
  });

  it('toCsv converts exactly like codePointIndex: inside a pair, lone surrogates, out of range', () => {
    // Pairs at 1–2 and 6–7, a lone high surrogate at 4, a lone low one at 9.
    const text = 'a😀b\uD800c🌧d\uDC00e';
    const doc = { ...data.documents[0]!, id: 'surrogates', text };
    const offsets = [-2, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, text.length, text.length + 5];
    const segments = offsets.map((start, i) => ({
      ...data.segments[0]!,
      id: `cp-${String(i).padStart(2, '0')}`,
      documentId: doc.id,
      start,
      end: offsets[offsets.length - 1 - i]!,
      codings: [codingOf(`cp-${i}`, CODE_IDS.language, 'Amal')],
    }));
    const rows = parse(toCsv({ ...data, documents: [doc], segments }, { bom: false }));
    const cp = codePointIndex(text);
    const byId = new Map(rows.map((r) => [r.segment_id!, r]));
    for (const s of segments) {
      expect([Number(byId.get(s.id)!.start), Number(byId.get(s.id)!.end)]).toEqual([cp(s.start), cp(s.end)]);
    }
  });
});

describe('toCsv quoting', () => {
  it('quotes exactly the fields papaparse quotes, and escapes quotes the same way', () => {
    const tricky = ['a,b', 'say "hi"', 'cr\rlf\n', '\uFEFFbom', ' lead', 'trail ', 'in side', '', '🙂 التحالف', '=1+2', '-', "it's"];
    const trickyData = { ...data, segments: data.segments.map((s, i) => ({ ...s, memo: tricky[i % tricky.length]! })) };
    for (const options of [{ excelSafe: false }, {}, { shape: 'wide' as const }]) {
      const table = buildCsvTable(trickyData, options);
      const rows = [table.header, ...Array.from({ length: table.rowCount }, (_, r) => table.row(r))];
      const expected = Papa.unparse(rows, { newline: '\r\n', delimiter: ',', quoteChar: '"', escapeChar: '"', quotes: false });
      expect(toCsv(trickyData, { ...options, bom: false })).toBe(expected);
    }
  });
});

describe('toCsv at more rows than one block', () => {
  it('writes the same records in one piece and in chunks of any size', async () => {
    const many = {
      ...data,
      segments: Array.from({ length: 2600 }, (_, i) => ({ ...data.segments[i % data.segments.length]!, id: `m-${i}` })),
    };
    for (const options of [{}, { shape: 'wide' as const }]) {
      const whole = toCsv(many, options);
      const records = options.shape === 'wide' ? 2600 : many.segments.reduce((n, s) => n + s.codings.length, 0);
      expect(parse(whole).length).toBe(records);
      for (const size of [97, 999, 1001, 2500, 5000]) {
        let joined = '';
        for await (const chunk of csvChunks(buildCsvTable(many, options), true, undefined, size)) joined += chunk;
        expect(joined).toBe(whole);
      }
    }
  });
});

describe('toCsv filters', () => {
  const idsOf = (options: CsvOptions) => [...new Set(parse(toCsv(data, options)).map((r) => r.segment_id))];

  it('filters by document', () => {
    expect(idsOf({ documentIds: ['diary-1850'] })).toEqual(['seg-7', 'seg-6']);
  });

  it('filters by code with descendants by default, and without them when asked', () => {
    const rows = parse(toCsv(data, { codeIds: [CODE_IDS.hardship] }));
    expect(rows.map((r) => `${r.segment_id}|${r.code}`)).toEqual([
      'seg-1|Crop failure',
      'seg-1|Drought',
      'seg-4|Hardship',
      'seg-5|Hardship',
    ]);
    expect(idsOf({ codeIds: [CODE_IDS.hardship], includeDescendants: false })).toEqual(['seg-4', 'seg-5']);
  });

  it('filters by coder and combines filters', () => {
    expect(idsOf({ coder: 'Ben' })).toEqual(['seg-2', 'seg-6']);
    expect(idsOf({ coder: 'Ben', documentIds: ['letter-1848-01'] })).toEqual(['seg-2']);
    expect(parse(toCsv(data, { coder: 'nobody' }))).toEqual([]);
  });
});

describe('toCsv on codings', () => {
  /** seg-4 coded "Emotion" by Amal (the fixture) and by Ben too: the same span, the same code, two codings. */
  const twoCoders = (): ProjectData => ({
    ...data,
    segments: data.segments.map((s) =>
      s.id === 'seg-4' ? { ...s, codings: [...s.codings, codingOf(s.id, CODE_IDS.emotion, 'Ben', '2024-03-05T08:00:00.000Z')] } : s,
    ),
  });

  it('writes one row per coding: two coders on the same span with the same code give two rows with their coders', () => {
    const rows = parse(toCsv(twoCoders())).filter((r) => r.segment_id === 'seg-4' && r.code === 'Emotion');
    expect(rows.map((r) => [r.coder, r.created_at])).toEqual([
      ['Amal', '2024-03-01T09:00:00.000Z'],
      ['Ben', '2024-03-05T08:00:00.000Z'],
    ]);
    expect(rows[0]!.start).toBe(rows[1]!.start);
  });

  it('filters codings by coder: a segment shows only the chosen coder\'s codings', () => {
    const rows = parse(toCsv(twoCoders(), { coder: 'Ben' }));
    expect(rows.map((r) => `${r.segment_id}|${r.code}|${r.coder}`)).toEqual(['seg-2|Emotion|Ben', 'seg-4|Emotion|Ben', "seg-6|'+Hope|Ben"]);
    const wide = parse(toCsv(twoCoders(), { shape: 'wide', coder: 'Ben' }));
    const seg4 = wide.find((r) => r.segment_id === 'seg-4')!;
    expect([seg4.Emotion, seg4.Hardship, seg4.coders]).toEqual(['1', '0', 'Ben']);
  });

  it('lists every coder of a segment in the wide shape, and counts a code when any coding has it', () => {
    const seg4 = parse(toCsv(twoCoders(), { shape: 'wide' })).find((r) => r.segment_id === 'seg-4')!;
    expect([seg4.Emotion, seg4.Hardship, seg4.coders]).toEqual(['1', '1', 'Amal; Ben']);
  });
});

describe('toCsv placement column', () => {
  it('says where each segment stands and leaves the offsets of an unplaced one empty, never wrong', () => {
    const placement = new Map([
      ['seg-1', 'moved' as const],
      ['seg-5', 'unplaced' as const],
    ]);
    const rows = parse(toCsv({ ...data, placement }, { excelSafe: false }));
    const by = (id: string) => rows.find((r) => r.segment_id === id)!;
    expect(by('seg-1').placement).toBe('moved');
    expect(by('seg-2').placement).toBe('exact');
    expect([by('seg-5').placement, by('seg-5').start, by('seg-5').end, by('seg-5').quote]).toEqual(['unplaced', '', '', '-5 degrees']);
    const wide = parse(toCsv({ ...data, placement }, { shape: 'wide' })).find((r) => r.segment_id === 'seg-5')!;
    expect([wide.placement, wide.start, wide.end]).toEqual(['unplaced', '', '']);
    expect(buildCsvTable({ ...data, placement }).unplaced).toBe(1);
  });

  it('calls a segment whose document is not in the export unplaced', () => {
    const rows = parse(toCsv({ ...data, documents: data.documents.slice(0, 1) }));
    expect(rows.filter((r) => r.document_id === 'diary-1850').map((r) => [r.placement, r.start])).toEqual([
      ['unplaced', ''],
      ['unplaced', ''],
      ['unplaced', ''],
    ]);
  });
});

describe('toCsv wide shape', () => {
  it('has one row per segment and a 0/1 column per code path in codebook tree order', () => {
    const csv = toCsv(data, { shape: 'wide' });
    const header = csv.slice(1, csv.indexOf('\r\n')).split(',');
    expect(header).toEqual([
      ...SEGMENT_COLUMNS,
      "'+Hope",
      'Emotion',
      'Hardship',
      'Hardship > Crop failure',
      'Hardship > Crop failure > Drought',
      'Language',
    ]);
    const rows = parse(csv);
    expect(rows.map((r) => r.segment_id)).toEqual([
      'seg-1',
      'seg-2',
      '7d9f3c2e-1b4a-4e5f-8a6b-7c8d9e0f1a2b',
      'seg-4',
      'seg-5',
      'seg-7',
      'seg-6',
    ]);
    const seg1 = rows[0]!;
    expect([seg1['Hardship'], seg1['Hardship > Crop failure'], seg1['Hardship > Crop failure > Drought']]).toEqual([
      '0',
      '1',
      '1',
    ]);
    expect(rows[5]!["'+Hope"]).toBe('1');
    expect(rows[5]!['Emotion']).toBe('1');
  });

  it('limits code columns to the code filter and disambiguates a code named like a column', () => {
    const clash = { ...data, codes: [...data.codes, { ...data.codes[0]!, id: 'code-memo', name: 'memo', parentId: null }] };
    const header = toCsv(clash, { shape: 'wide', bom: false, codeIds: ['code-memo', CODE_IDS.language] }).split('\r\n')[0];
    expect(header).toBe([...SEGMENT_COLUMNS, 'Language', 'memo [code-memo]'].join(','));
  });
});

describe('toCsv read by Python', () => {
  it("csv module reads it and text[start:end] == quote for every row", () => {
    const dir = mkdtempSync(join(tmpdir(), 'marginalia-csv-'));
    const csvPath = join(dir, 'export.csv');
    const textsPath = join(dir, 'texts.json');
    writeFileSync(csvPath, toCsv(data, { excelSafe: false }), 'utf8');
    writeFileSync(textsPath, JSON.stringify(Object.fromEntries(data.documents.map((d) => [d.id, d.text]))), 'utf8');
    const script = [
      'import csv, json, sys',
      'texts = json.load(open(sys.argv[2], encoding="utf-8"))',
      'raw = open(sys.argv[1], "rb").read()',
      'assert raw.startswith(b"\\xef\\xbb\\xbf"), "BOM"',
      'rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig", newline="")))',
      'for r in rows:',
      '    t = texts[r["document_id"]]',
      '    s, e = int(r["start"]), int(r["end"])',
      '    assert t[s:e] == r["quote"], (r["segment_id"], t[s:e], r["quote"])',
      'memo = [r["memo"] for r in rows if r["segment_id"] == "seg-2"][0]',
      'assert memo == \'She writes "again",\\nthen stops; note the comma, and CR\\r\\nline.\', repr(memo)',
      'print(len(rows))',
    ].join('\n');
    const out = execFileSync('python3', ['-c', script, csvPath, textsPath], { encoding: 'utf8' });
    expect(Number(out.trim())).toBe(10);
  });
});

describe('csvChunks', () => {
  it('yields pieces whose concatenation is exactly toCsv, reporting progress', async () => {
    for (const options of [{}, { shape: 'wide' as const, bom: false }]) {
      const progress: Array<[number, number]> = [];
      let joined = '';
      for await (const chunk of csvChunks(buildCsvTable(data, options), options.bom, (done, total) => progress.push([done, total]), 3)) {
        joined += chunk;
      }
      expect(joined).toBe(toCsv(data, options));
      expect(progress[0]![0]).toBe(0);
      expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);
      expect(progress.length).toBeGreaterThan(2);
    }
  });

  it('writes just the header when nothing matches', async () => {
    const chunks: string[] = [];
    for await (const chunk of csvChunks(buildCsvTable(data, { coder: 'nobody' }), false)) chunks.push(chunk);
    expect(chunks).toEqual([LONG_COLUMNS.join(',')]);
  });
});
