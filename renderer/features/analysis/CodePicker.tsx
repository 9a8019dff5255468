/** Choosing codes: a filterable list of checkboxes, each named by its path, in tree order. */
import { useMemo, useState } from 'react';
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';

interface Props {
  legend: string;
  codes: readonly Code[];
  selected: readonly string[];
  onChange: (ids: string[]) => void;
}

export function CodePicker({ legend, codes, selected, onChange }: Props) {
  const [filter, setFilter] = useState('');
  const rows = useMemo(() => {
    const byId = codesById(codes);
    return flattenTree(codes).map(({ code, depth }) => ({ code, depth, path: codePath(byId, code.id) }));
  }, [codes]);
  const needle = filter.trim().toLowerCase();
  const shown = needle ? rows.filter((r) => r.path.toLowerCase().includes(needle)) : rows;
  const chosen = new Set(selected);
  const toggle = (id: string) => onChange(rows.filter((r) => (r.code.id === id ? !chosen.has(id) : chosen.has(r.code.id))).map((r) => r.code.id));

  return (
    <fieldset className="code-picker">
      <legend>{legend}</legend>
      <input type="search" aria-label={`Filter: ${legend}`} placeholder="Filter codes…" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <ul className="check-list">
        {shown.map(({ code, depth, path }) => (
          <li key={code.id} className={`depth-${Math.min(depth, 4)}`}>
            <label title={path}>
              <input type="checkbox" checked={chosen.has(code.id)} onChange={() => toggle(code.id)} aria-label={path} />
              <span className="swatch" style={{ background: code.colour }} aria-hidden="true" />
              {code.name}
            </label>
          </li>
        ))}
      </ul>
      {selected.length > 0 && (
        <button type="button" className="link" onClick={() => onChange([])}>
          Clear ({selected.length})
        </button>
      )}
    </fieldset>
  );
}
