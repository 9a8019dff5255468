/**
 * The memo manager: the project memo to write, then every memo in one list (the project's first),
 * searchable by text and kind, saved as CSV, a passage's memo opening its passage.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import type { Segment } from '../../domain/model';
import { useProject, useServices } from '../../ui/ProjectContext';
import { ProjectMemoField } from './ProjectMemoField';
import { collectMemos, MEMO_CSV_HEADER, MEMO_KINDS, memoCsvRows, searchMemos, type MemoKind } from './memos';
import { fileName, saveText, savedMessage } from './saveFile';
import { toCsv } from './tableCsv';
import { errorMessage } from '../../../common/errorMessage';

interface Props {
  /** Hidden behind another tab: nothing is collected (a project holds 100,000 segments). */
  active: boolean;
  titles: ReadonlyMap<string, string>;
  documentOrder: readonly string[];
  projectName: string | null;
  onReveal: (segment: Segment) => void;
}

const PAGE = 200;

export function MemosView({ active, titles, documentOrder, projectName, onReveal }: Props) {
  const { codes, memos, segments } = useProject();
  const { api, host } = useServices();
  const [text, setText] = useState('');
  const [kinds, setKinds] = useState<Set<MemoKind>>(new Set(Object.keys(MEMO_KINDS) as MemoKind[]));
  const [shown, setShown] = useState(PAGE);
  const [message, setMessage] = useState('');
  const all = useMemo(() => (active ? collectMemos(codes, memos, segments.all(), titles, documentOrder, projectName ?? undefined) : []), [active, codes, memos, segments, titles, documentOrder, projectName]);
  const found = searchMemos(all, useDeferredValue(text), kinds);
  const toggle = (kind: MemoKind) =>
    setKinds((k) => {
      const next = new Set(k);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });

  const save = async () => {
    try {
      setMessage(savedMessage(await saveText(api, fileName('memos', 'csv'), 'text/csv', toCsv(MEMO_CSV_HEADER, memoCsvRows(found))), host));
    } catch (err) {
      setMessage(`Could not save: ${errorMessage(err)}`);
    }
  };

  return (
    <div className="memos-view">
      <ProjectMemoField />
      <div className="view-options">
        <label>
          Search memos
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <fieldset className="inline-fieldset">
          <legend>Show</legend>
          {(Object.keys(MEMO_KINDS) as MemoKind[]).map((kind) => (
            <label key={kind}>
              <input type="checkbox" checked={kinds.has(kind)} onChange={() => toggle(kind)} />
              {MEMO_KINDS[kind]}s
            </label>
          ))}
        </fieldset>
        <button type="button" onClick={() => void save()} disabled={found.length === 0}>
          Save memos (CSV)
        </button>
        <span role="status">{message}</span>
      </div>
      <p className="hint">
        {found.length} of {all.length} memos
      </p>
      <ul className="memo-list">
        {found.slice(0, shown).map((e) => (
          <li key={e.key}>
            <article aria-label={`${MEMO_KINDS[e.kind]}: ${e.about}`}>
              <p className="memo-about">
                <span className="memo-kind">{MEMO_KINDS[e.kind]}</span> · {e.about}
              </p>
              {e.segment && (
                <button type="button" className="link memo-passage" onClick={() => onReveal(e.segment!)}>
                  “{e.segment.quote.length > 160 ? `${e.segment.quote.slice(0, 160)}…` : e.segment.quote}”
                </button>
              )}
              <p className="memo-text">{e.text}</p>
            </article>
          </li>
        ))}
      </ul>
      {found.length > shown && (
        <button type="button" onClick={() => setShown((n) => n + PAGE)}>
          Show more ({found.length - shown} left)
        </button>
      )}
    </div>
  );
}
