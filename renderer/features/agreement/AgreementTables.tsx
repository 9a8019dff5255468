/**
 * The figures and the counts behind them: one row per code and the overall row, then one row
 * per document for a chosen code. Columns: characters coded by both / only A / only B / neither,
 * percentage agreement and Cohen's kappa (character level); segments matched per coder and
 * Brennan & Prediger's kappa (segment level); binary alpha over all compared coders.
 */
import { useId, useMemo, useState } from 'react';
import type { AgreementResult } from '../../domain/agreement/computeAgreement';
import { documentRows, type PairFigures } from '../../domain/agreement/resultColumns';
import { coefficientText, countText, Figure, percentText } from './figures';

interface Props {
  result: AgreementResult;
  coderA: string;
  coderB: string;
  codePath: (codeId: string) => string;
  documentTitle: (documentId: string) => string;
}

function PairCells({ f }: { f: PairFigures }) {
  const t = f.characters;
  const s = f.segments;
  return (
    <>
      <td className="figure">{countText(t.both)}</td>
      <td className="figure">{countText(t.onlyA)}</td>
      <td className="figure">{countText(t.onlyB)}</td>
      <td className="figure">{countText(t.neither)}</td>
      <Figure text={percentText(f.percent)} />
      <Figure text={coefficientText(f.kappa)} />
      <td className="figure">
        {s.matchedA}/{s.segmentsA} · {s.matchedB}/{s.segmentsB}
      </td>
      <Figure text={percentText(f.segmentPercent)} />
    </>
  );
}

function Head({ first, coderA, coderB, tail }: { first: string; coderA: string; coderB: string; tail: string[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">Both</th>
        <th scope="col">Only {coderA}</th>
        <th scope="col">Only {coderB}</th>
        <th scope="col">Neither</th>
        <th scope="col">Agreement</th>
        <th scope="col">Cohen’s κ</th>
        <th scope="col">Segments matched ({coderA} · {coderB})</th>
        <th scope="col">Segment agreement</th>
        {tail.map((t) => (
          <th scope="col" key={t}>
            {t}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function AgreementTables({ result, coderA, coderB, codePath, documentTitle }: Props) {
  const rows = useMemo(() => documentRows(result, [coderA, coderB]), [result, coderA, coderB]);
  const [codeId, setCodeId] = useState(() => rows[0]?.codeId ?? result.byCode[0]?.codeId ?? '');
  const selectId = useId();
  const o = result.overall;
  const documents = rows.filter((d) => d.codeId === codeId);
  return (
    <>
      {/* Wide tables scroll sideways: the scroller takes focus so the keyboard can scroll it too. */}
      <div className="agreement-table" tabIndex={0} role="region" aria-label="Table by code">
        <table>
          <caption>Agreement by code (characters; segments; α over all compared coders)</caption>
          <Head first="Code" coderA={coderA} coderB={coderB} tail={['Brennan & Prediger κ', 'α (binary)', 'Note']} />
          <tbody>
            {result.byCode.map((c) => (
              <tr key={c.codeId}>
                <th scope="row">{codePath(c.codeId)}</th>
                <PairCells f={c} />
                <Figure text={coefficientText(c.kappaBP)} />
                <Figure text={coefficientText(c.alpha)} />
                <td className="note">{c.kappaNote ? `κ undefined: ${c.kappaNote}` : ''}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All compared codes</th>
              <PairCells f={o} />
              <Figure text={coefficientText(o.kappaBP)} />
              <Figure text={coefficientText(o.alpha)} />
              <td className="note">{o.kappaNote ? `κ undefined: ${o.kappaNote}` : ''}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="agreement-cu">
        cu-α (the coding of the stretches coders identified, Krippendorff et al. 2016): <strong>{coefficientText(o.cuAlpha)}</strong>, over{' '}
        {countText(o.cuPairable)} pairable values
        {o.ambiguous > 0 ? `; ${countText(o.ambiguous)} ${o.ambiguous === 1 ? 'character' : 'characters'} left out where one coder put several compared codes` : ''}.
      </p>
      <div className="agreement-by-document">
        <label htmlFor={selectId}>By document for code</label>{' '}
        <select id={selectId} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
          {result.byCode.map((c) => (
            <option key={c.codeId} value={c.codeId}>
              {codePath(c.codeId)}
            </option>
          ))}
        </select>
        {documents.length === 0 ? (
          <p className="exchange-hint">Neither {coderA} nor {coderB} used this code in the compared documents.</p>
        ) : (
          <div className="agreement-table" tabIndex={0} role="region" aria-label="Table by document">
            <table>
              <caption>Agreement by document for {codePath(codeId)}</caption>
              <Head first="Document" coderA={coderA} coderB={coderB} tail={['Note']} />
              <tbody>
                {documents.map((d) => (
                  <tr key={d.documentId}>
                    <th scope="row">{documentTitle(d.documentId)}</th>
                    <PairCells f={d} />
                    <td className="note">{d.kappaNote ? `κ undefined: ${d.kappaNote}` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
