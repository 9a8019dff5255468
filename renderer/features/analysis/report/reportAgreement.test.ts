/**
 * The report's agreement section holds the agreement table's rows (domain/agreement/agreementTable.ts,
 * what the agreement view and its CSV show), written as the view writes them, in the HTML and
 * in the .docx. By hand, for code X in one document of 100 characters: alice codes [0,20) and
 * [40,60), bob [0,20) and [70,80): both 20, only alice 20, only bob 10, neither 50; agreement
 * po = 70/100 = 70.0%; pA = 0.4, pB = 0.3, pe = 0.4·0.3 + 0.6·0.7 = 0.54; κ = (0.7 − 0.54)/0.46 = 0.348.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { base64ToBytes } from '../../../../common/bytes';
import { agreementInput } from '../../../domain/agreement/agreementInput';
import { AGREEMENT_COLUMNS, agreementRows } from '../../../domain/agreement/agreementTable';
import { computeAgreement } from '../../../domain/agreement/computeAgreement';
import { coefficientText, countText, percentText } from '../../../domain/agreement/figureText';
import type { Segment } from '../../../domain/model';
import { agreementSection, agreementSections, documentsKept, pairsOf, type ComparePair } from './reportAgreement';
import type { ReportData } from './reportData';
import { reportDocx } from './reportDocx';
import { reportBody } from './reportHtml';

const NOW = '2026-01-01T00:00:00.000Z';
const seg = (id: string, start: number, end: number, codeId: string, coder: string): Segment => ({
  id, documentId: 'd', documentHash: 'h', start, end, quote: 'x'.repeat(end - start), prefix: '', suffix: '',
  codings: [{ id: `${id}c`, codeId, coder, createdAt: NOW }], memo: '', createdAt: NOW, updatedAt: NOW,
});
const SEGMENTS = [seg('1', 0, 20, 'X', 'alice'), seg('2', 40, 60, 'X', 'alice'), seg('3', 0, 20, 'X', 'bob'), seg('4', 70, 80, 'X', 'bob'), seg('5', 85, 95, 'Y', 'alice')];
const PATHS: Record<string, string> = { X: 'FTF', Y: 'Returnees' };
const codePath = (id: string) => PATHS[id] ?? id;

const compare: ComparePair = async (pair, codeIds) => ({
  result: computeAgreement(agreementInput({ documents: [{ id: 'd', length: 100, segments: SEGMENTS }], codeIds, coders: pair, pair })),
  documents: 1,
  unplaced: 0,
});

describe('the report’s agreement section', () => {
  it('holds the agreement table’s code and overall rows, written as the agreement view writes them', async () => {
    const compared = await compare(['alice', 'bob'], ['X', 'Y']);
    const section = agreementSection(['alice', 'bob'], compared, codePath);
    const table = agreementRows(compared.result, { coderA: 'alice', coderB: 'bob', codePath, documentTitle: (id) => id });
    const col = (name: (typeof AGREEMENT_COLUMNS)[number]) => AGREEMENT_COLUMNS.indexOf(name);
    const expected = table
      .filter((r) => r[col('level')] !== 'document')
      .map((r) => [
        r[col('level')] === 'overall' ? 'All compared codes' : r[col('code_path')],
        ...(['both', 'only_a', 'only_b', 'neither'] as const).map((c) => countText(r[col(c)] as number)),
        percentText(r[col('percent_agreement')] as number | null),
        coefficientText(r[col('kappa')] as number | null),
        `${r[col('matched_a')]}/${r[col('segments_a')]} · ${r[col('matched_b')]}/${r[col('segments_b')]}`,
        percentText(r[col('segment_percent')] as number | null),
        coefficientText(r[col('kappa_brennan_prediger')] as number | null),
        coefficientText(r[col('alpha_binary')] as number | null),
        r[col('note')],
      ]);
    // Codes first, the overall row last, as in the view.
    expect(section.rows).toEqual([...expected.slice(1), expected[0]]);
    const ftf = section.rows[0]!;
    expect(ftf.slice(0, 7)).toEqual(['FTF', '20', '20', '10', '50', '70.0%', '0.348']);
    const returnees = section.rows[1]!;
    expect(returnees[6]).toBe('undefined');
    expect(returnees[11]).toBe('kappa undefined: bob never used the code');
    expect(section.header).toContain('Krippendorff’s α (binary)');
    expect(section.scope).toMatch(/^alice \(A\) and bob \(B\): 1 document both coded, 100 characters, 2 codes/);
  });

  it('compares the chosen two, or every pair of coders', async () => {
    expect(pairsOf({ pairs: 'two', pair: ['bob', 'alice'] }, ['alice', 'bob', 'carol'])).toEqual([['bob', 'alice']]);
    expect(pairsOf({ pairs: 'two', pair: ['bob', 'bob'] }, ['alice', 'bob'])).toEqual([]);
    expect(pairsOf({ pairs: 'every', pair: ['', ''] }, ['alice', 'bob', 'carol'])).toEqual([['alice', 'bob'], ['alice', 'carol'], ['bob', 'carol']]);
    const sections = await agreementSections({ pairs: 'every', pair: ['', ''] }, ['alice', 'bob', 'carol'], ['X'], compare, codePath);
    expect(sections.map((s) => [s.coderA, s.coderB])).toEqual([['alice', 'bob'], ['alice', 'carol'], ['bob', 'carol']]);
  });

  it('keeps the documents the report’s restriction keeps', () => {
    const docs = [
      { id: 'a', kind: 'statement', place: 'Paris', date: '2019-01-01' },
      { id: 'b', kind: 'news', place: 'Paris', date: '2019-02-01' },
      { id: 'c', kind: 'statement', place: 'Brussels', date: '2015-01-01' },
    ];
    expect(documentsKept(docs, {}).map((d) => d.id)).toEqual(['a', 'b', 'c']);
    expect(documentsKept(docs, { attributes: { kind: ['statement'] } }).map((d) => d.id)).toEqual(['a', 'c']);
    expect(documentsKept(docs, { documents: ['a', 'b'], attributes: { year: ['2019'], place: ['Paris'] } }).map((d) => d.id)).toEqual(['a', 'b']);
  });

  it('is written into the HTML and the .docx with the same figures', async () => {
    const section = agreementSection(['alice', 'bob'], await compare(['alice', 'bob'], ['X', 'Y']), codePath);
    const report: ReportData = { title: 'Study', created: NOW, scope: 'all documents', codes: [], frequencies: null, agreement: [section], charts: [], memos: [] };
    const html = reportBody(report);
    expect(html).toContain('<h2>Inter-coder agreement</h2>');
    expect(html).toContain('<caption>Agreement by code: alice and bob</caption>');
    expect(html).toMatch(/<th scope="row">FTF<\/th><td class="n">20<\/td><td class="n">20<\/td><td class="n">10<\/td><td class="n">50<\/td><td class="n">70.0%<\/td><td class="n">0.348<\/td>/);
    const xml = strFromU8(unzipSync(base64ToBytes(await reportDocx(report)))['word/document.xml']!);
    expect(xml).toContain('Inter-coder agreement');
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    const at = texts.indexOf('FTF');
    expect(texts.slice(at, at + 7)).toEqual(['FTF', '20', '20', '10', '50', '70.0%', '0.348']);
  });
});
