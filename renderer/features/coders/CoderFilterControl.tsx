/**
 * Next to the Coder field: which coders' codings the window shows (all, mine, or chosen
 * coders), blind coding, and the coders' list. A disclosure button with a small panel: Escape
 * or a click elsewhere closes it and focus goes back to the button.
 */
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { CoderFilterChoice } from '../../domain/coderFilter';
import { useProject, useServices } from '../../ui/ProjectContext';
import { useCoderFilter } from '../../ui/useCoderFilter';
import { useCoders } from '../../ui/useCoders';
import { CoderBadge } from './CoderBadge';
import { CodersDialog } from './CodersDialog';
import './coders.css';

function summary(choice: CoderFilterChoice, blind: boolean): string {
  if (blind) return 'mine (blind coding)';
  if (choice.kind === 'all') return 'all';
  if (choice.kind === 'mine') return 'mine';
  return choice.coders.length === 0 ? 'none' : choice.coders.join(', ');
}

export function CoderFilterControl() {
  const { store } = useServices();
  const { settings } = useProject();
  const { choice, setChoice, blind } = useCoderFilter();
  const coders = useCoders();
  const [open, setOpen] = useState(false);
  const [editing, setEditing] = useState(false);
  const panelId = useId();
  const container = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  // The panel hangs from the button's right edge; a button near the window's left edge (a wrapped
  // header) would push it off screen, so it then hangs from the left edge instead.
  const [alignStart, setAlignStart] = useState(false);
  useLayoutEffect(() => {
    if (!open) return setAlignStart(false);
    const button = toggle.current?.getBoundingClientRect();
    const width = panel.current?.offsetWidth ?? 0;
    setAlignStart(!!button && button.right - width < 0);
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: MouseEvent) => {
      if (!container.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [open]);

  const chosen = choice.kind === 'coders' ? choice.coders : [];
  const setChosen = (name: string, on: boolean) => {
    const next = on ? [...chosen.filter((c) => c !== name), name] : chosen.filter((c) => c !== name);
    setChoice({ kind: 'coders', coders: coders.map((c) => c.name).filter((c) => next.includes(c)) });
  };
  const setBlind = (on: boolean) => void store.saveSettings({ ...store.getSnapshot().settings, blindCoding: on });

  return (
    <div className="coder-filter" ref={container}>
      <button type="button" ref={toggle} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        Codings shown: {summary(choice, blind)}
      </button>
      {open && (
        <div
          id={panelId}
          ref={panel}
          className={alignStart ? 'coder-filter-panel align-start' : 'coder-filter-panel'}
          role="group"
          aria-label="Coder filter"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.stopPropagation();
            setOpen(false);
            toggle.current?.focus();
          }}
        >
          <fieldset disabled={blind}>
            <legend>Show codings by</legend>
            <label className="inline-check">
              <input type="radio" name={`${panelId}-kind`} checked={choice.kind === 'all'} onChange={() => setChoice({ kind: 'all' })} />
              All coders
            </label>
            <label className="inline-check">
              <input type="radio" name={`${panelId}-kind`} checked={choice.kind === 'mine'} onChange={() => setChoice({ kind: 'mine' })} />
              Only mine ({settings.coder})
            </label>
            <label className="inline-check">
              <input
                type="radio"
                name={`${panelId}-kind`}
                checked={choice.kind === 'coders'}
                onChange={() => setChoice({ kind: 'coders', coders: coders.map((c) => c.name) })}
              />
              Chosen coders:
            </label>
            <ul className="coder-choices" aria-label="Chosen coders">
              {coders.map((c) => (
                <li key={c.name}>
                  <label className="inline-check">
                    <input type="checkbox" checked={chosen.includes(c.name)} onChange={(e) => setChosen(c.name, e.target.checked)} />
                    <CoderBadge coder={c} />
                    {c.name}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <label className="inline-check">
            <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} aria-describedby={`${panelId}-blind`} />
            Blind coding
          </label>
          <p id={`${panelId}-blind`} className="exchange-hint">
            Shows only your own codings while you code, so your coding stays independent. Turn it off to compare.
          </p>
          <button type="button" onClick={() => setEditing(true)}>
            Edit coders…
          </button>
        </div>
      )}
      {editing && <CodersDialog onClose={() => setEditing(false)} />}
    </div>
  );
}
