/**
 * The project's coders: everyone whose name is on a coding, with their colour and initials
 * (kept in the settings, so they travel with a backup), how many codings each made, and the
 * choice of who codes now — an existing coder or a new one.
 */
import { useState } from 'react';
import { defaultProfile, withProfile } from '../../domain/coders';
import type { CoderProfile } from '../../domain/model';
import { Modal } from '../../ui/Modal';
import { useProject, useServices } from '../../ui/ProjectContext';
import { useCoders } from '../../ui/useCoders';
import { CoderBadge } from './CoderBadge';

export function CodersDialog({ onClose }: { onClose: () => void }) {
  const { store } = useServices();
  const { settings, segments } = useProject();
  const coders = useCoders();
  const [newName, setNewName] = useState('');

  const save = (profile: CoderProfile) => {
    const current = store.getSnapshot().settings;
    void store.saveSettings({ ...current, coders: withProfile(current.coders, profile) });
  };
  const codeAs = (name: string) => void store.saveSettings({ ...store.getSnapshot().settings, coder: name });
  const add = () => {
    const name = newName.trim();
    if (!name) return;
    if (!coders.some((c) => c.name === name)) save(defaultProfile(name));
    codeAs(name);
    setNewName('');
  };

  return (
    <Modal title="Coders" onClose={onClose} className="coders-dialog">
      <table className="coders-table">
        <caption className="exchange-hint">Colours and initials mark each coder’s codings where several coders are shown.</caption>
        <thead>
          <tr>
            <th scope="col">Coder</th>
            <th scope="col">Colour</th>
            <th scope="col">Initials</th>
            <th scope="col">Codings</th>
            <th scope="col">Codes now</th>
          </tr>
        </thead>
        <tbody>
          {coders.map((c) => (
            <tr key={c.name}>
              <th scope="row">
                <CoderBadge coder={c} /> {c.name}
              </th>
              <td>
                <input type="color" aria-label={`Colour of ${c.name}`} value={c.colour} onChange={(e) => save({ ...c, colour: e.target.value })} />
              </td>
              <td>
                <input
                  key={c.initials}
                  aria-label={`Initials of ${c.name}`}
                  defaultValue={c.initials}
                  maxLength={3}
                  size={3}
                  onBlur={(e) => {
                    const initials = e.target.value.trim();
                    if (initials && initials !== c.initials) save({ ...c, initials });
                  }}
                />
              </td>
              <td className="number">{(segments.coderCounts.get(c.name) ?? 0).toLocaleString()}</td>
              <td>
                {c.name === settings.coder ? (
                  <span>Yes</span>
                ) : (
                  <button type="button" onClick={() => codeAs(c.name)}>
                    Code as {c.name}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form
        className="coders-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label>
          New coder
          <input value={newName} onChange={(e) => setNewName(e.target.value)} maxLength={100} />
        </label>
        <button type="submit" disabled={!newName.trim()}>
          Add and code as them
        </button>
      </form>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
