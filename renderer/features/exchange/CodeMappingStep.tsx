/**
 * The Import dialog's mapping step: the incoming codes whose path is not in the project, each
 * with a choice — add it as a new code, or map it onto an existing code (proposed by name
 * similarity). Nothing is written until the analyst imports; Cancel imports nothing.
 * Built for big codebooks (20,000 codes each side): rows with a proposal come first and are shown
 * a page at a time, and a choice lists every existing code only while it is being chosen — a
 * list of every code in every row was millions of elements.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CodeMapping, MappingRow } from '../../domain/codeMapping';
import { codePath, codesById, flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import { ManyOptionsSelect, type Choice } from '../../ui/ManyOptionsSelect';
import './codeMapping.css';
import { plural } from '../../../common/plural';

export interface CodeMappingStepProps {
  /** The incoming codes to decide on, parents before children, each with its proposal. */
  rows: readonly MappingRow[];
  /** The project's codes, the targets a code can be mapped onto. */
  current: readonly Code[];
  fileName: string;
  /** incoming code id → existing code id; a code left out of it is added as new. */
  onConfirm: (mapping: CodeMapping) => void;
  onCancel: () => void;
}

const NEW = '';
/** Rows shown at first, and added by each "Show more". */
const PAGE = 100;
/** One incoming code's choice among every existing code (listed in full once the select is used). */
function TargetChoice({ row, value, choices, onChange }: { row: MappingRow; value: string; choices: readonly Choice[]; onChange: (value: string) => void }) {
  return (
    <ManyOptionsSelect
      value={value}
      onChange={onChange}
      choices={choices}
      leading={<option value={NEW}>Add as a new code</option>}
      aria-label={`Map “${row.incomingPath}” onto`}
    />
  );
}

export function CodeMappingStep({ rows, current, fileName, onConfirm, onCancel }: CodeMappingStepProps) {
  const [choice, setChoice] = useState(() => new Map(rows.map((r) => [r.incoming.id, r.proposed ?? NEW])));
  const choices = useMemo(() => {
    const byId = codesById(current);
    return flattenTree(current).map(({ code }) => ({ id: code.id, label: `Map onto ${codePath(byId, code.id)}` }));
  }, [current]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const mapped = [...choice.values()].filter((v) => v !== NEW).length;
  // Rows with a proposal first (those are the decisions), each group in the file's order.
  const ordered = useMemo(() => [...rows.filter((r) => r.proposed), ...rows.filter((r) => !r.proposed)], [rows]);
  const [shownRows, setShownRows] = useState(PAGE);

  return (
    <section className="code-mapping" aria-labelledby="code-mapping-title">
      <h3 id="code-mapping-title" tabIndex={-1} ref={heading}>
        Map {fileName}’s codes
      </h3>
      <p className="exchange-hint">
        {plural(rows.length, 'incoming code has', 'incoming codes have')} a path this project does not have. Map each onto one of your codes (its codings and sub-codes go
        there) or add it as a new code. Proposals come from similar names; nothing is written until you import, and Undo takes the whole
        import back.
      </p>
      <div className="code-mapping-rows" role="group" aria-label="Incoming codes">
        {ordered.slice(0, shownRows).map((r) => (
          <label key={r.incoming.id} className="code-mapping-row">
            <span>{r.incomingPath}</span>
            <TargetChoice row={r} value={choice.get(r.incoming.id)!} choices={choices} onChange={(value) => setChoice((m) => new Map(m).set(r.incoming.id, value))} />
          </label>
        ))}
        {ordered.length > shownRows && (
          <button type="button" onClick={() => setShownRows((n) => n + PAGE)}>
            Show {Math.min(PAGE, ordered.length - shownRows)} more ({ordered.length - shownRows} not shown are imported as proposed)
          </button>
        )}
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => onConfirm(new Map([...choice].filter(([, target]) => target !== NEW)))}
        >
          Import ({mapped} mapped, {rows.length - mapped} new)
        </button>
      </div>
    </section>
  );
}
