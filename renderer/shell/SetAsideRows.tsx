/**
 * Stored rows the project could not read (see store/setAside.ts): how many, which and why, and
 * a way to save them as JSON — they are kept in the database but left out of everything else,
 * so they must never disappear without the analyst knowing. Documents set aside only because the
 * project file lost their text are not listed here: the Documents list shows them, marked.
 */
import { useMemo, useState, useSyncExternalStore } from 'react';
import type { SetAsideRow } from '../store/setAside';
import { useServices } from '../ui/ProjectContext';
import { errorMessage } from '../../common/errorMessage';
import { unavailableDocument } from '../project/unavailableDocuments';

/** JSON of the rows as read; a stored value JSON cannot hold (a BigInt) is written as text. */
const toJson = (rows: readonly SetAsideRow[]) =>
  JSON.stringify({ setAsideRows: rows }, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value), 2);

export function SetAsideRows() {
  const { api, host, setAside } = useServices();
  const stored = useSyncExternalStore(setAside.subscribe, setAside.list);
  const rows = useMemo(() => stored.filter((row) => unavailableDocument(row) === null), [stored]);
  const [result, setResult] = useState<string | null>(null);
  if (rows.length === 0) return null;

  async function save() {
    setResult(null);
    try {
      const saved = await api.saveExport({
        suggestedName: `marginalia-unreadable-rows-${new Date().toISOString().slice(0, 10)}.json`,
        mimeType: 'application/json',
        content: toJson(rows),
        encoding: 'utf8',
      });
      if (!saved.saved) setResult('Nothing was saved.');
      else setResult(host === 'electron' ? `Saved to ${saved.location ?? 'the chosen file'}.` : `Downloaded ${saved.location ?? 'the file'}.`);
    } catch (err) {
      setResult(`They could not be saved: ${errorMessage(err)}`);
    }
  }

  const count = rows.length === 1 ? '1 stored row' : `${rows.length.toLocaleString()} stored rows`;
  return (
    <section className="set-aside" aria-label="Stored rows that could not be read">
      <p>
        <strong>{count} could not be read.</strong> {rows.length === 1 ? 'It is' : 'They are'} kept in the database unchanged,
        but left out of the project until repaired.
      </p>
      <details>
        <summary>Show {rows.length === 1 ? 'it' : 'them'}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Table</th>
              <th scope="col">Key</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.table}/${r.key}`}>
                <td>{r.table}</td>
                <td>{r.key}</td>
                <td>{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <button type="button" onClick={() => void save()}>
        Save them as JSON
      </button>
      <p role="status">{result}</p>
    </section>
  );
}
