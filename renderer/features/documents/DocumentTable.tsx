/**
 * Documents and their attributes as a table: define an attribute (text, number, date or a
 * category with values), fill each document's values, rename a document, remove it (asked
 * first; its codings go with it; Undo brings all back). Each edit is one undoable change.
 */
import { useState } from 'react';
import { allAttributes, ATTRIBUTE_TYPES } from '../../domain/documents/attributes';
import { defineAttribute, removeDocument, renameDocument, setAttributeValue } from '../../domain/documents/documentChanges';
import type { Attribute, AttributeType } from '../../domain/model';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { Modal } from '../../ui/Modal';
import { useProject, useServices } from '../../ui/ProjectContext';
import type { ReadableDocument } from '../../ui/useCorpus';

export function DocumentTable({ documents, onClose }: { documents: readonly ReadableDocument[]; onClose: () => void }) {
  const { store } = useServices();
  const { attributes, error } = useProject();
  const [removing, setRemoving] = useState<ReadableDocument | null>(null);
  const columns = allAttributes(attributes);
  return (
    <Modal title="Documents and attributes" onClose={onClose} className="document-table">
      <NewAttributeForm />
      {error && <p role="alert">{error}</p>}
      <div className="document-table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">Title</th>
              {columns.map((a) => (
                <th scope="col" key={a.id}>
                  {a.name}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <CommittedInput
                    label={`Title of ${d.title}`}
                    value={d.title}
                    onCommit={(title) => title !== d.title && void store.act((ctx, s) => renameDocument(s, d.id, title, ctx))}
                  />
                </th>
                {columns.map((a) => (
                  <td key={a.id}>
                    <ValueField
                      attribute={a}
                      label={`${a.name} of ${d.title}`}
                      value={d.attributes?.[a.id] ?? ''}
                      onCommit={(value) => void store.act((ctx, s) => setAttributeValue(s, d.id, a.id, value, ctx))}
                    />
                  </td>
                ))}
                <td>
                  <button type="button" className="danger" onClick={() => setRemoving(d)}>
                    Remove<span className="visually-hidden"> {d.title}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="dialog-buttons">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      {removing && (
        <ConfirmDialog
          title="Remove document"
          message={`Remove “${removing.title}” from the project, with every coding in it? Undo brings it back.`}
          confirmLabel="Remove"
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const doc = removing;
            setRemoving(null);
            void store.act((ctx, s) => removeDocument(s, doc.id, doc.title, ctx));
          }}
        />
      )}
    </Modal>
  );
}

/** A text field that commits on Enter or when it loses focus (one change per edit, not per key). */
function CommittedInput({ label, value, onCommit, type = 'text' }: { label: string; value: string; onCommit: (value: string) => void; type?: string }) {
  const [draft, setDraft] = useState(value);
  const [editing, setEditing] = useState(false);
  const shown = editing ? draft : value;
  const commit = () => {
    setEditing(false);
    if (draft !== value) onCommit(draft);
  };
  return (
    <input
      type={type}
      aria-label={label}
      value={shown}
      onFocus={() => {
        setDraft(value);
        setEditing(true);
      }}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}

function ValueField({ attribute, label, value, onCommit }: { attribute: Attribute; label: string; value: string; onCommit: (value: string) => void }) {
  if (attribute.type === 'category') {
    return (
      <select aria-label={label} value={value} onChange={(e) => onCommit(e.target.value)}>
        <option value="">—</option>
        {attribute.values.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    );
  }
  const type = attribute.type === 'date' ? 'date' : 'text';
  return <CommittedInput label={label} value={value} onCommit={onCommit} type={type} />;
}

function NewAttributeForm() {
  const { store } = useServices();
  const [name, setName] = useState('');
  const [type, setType] = useState<AttributeType>('text');
  const [values, setValues] = useState('');
  return (
    <form
      className="new-attribute"
      aria-label="Define an attribute"
      onSubmit={(e) => {
        e.preventDefault();
        void store
          .act((ctx, s) => defineAttribute(s, name, type, values.split(','), ctx))
          .then((stored) => {
            if (stored) {
              setName('');
              setValues('');
            }
          });
      }}
    >
      <label>
        Attribute name <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
      </label>
      <label>
        Type{' '}
        <select value={type} onChange={(e) => setType(e.target.value as AttributeType)}>
          {ATTRIBUTE_TYPES.map((t) => (
            <option key={t.type} value={t.type}>
              {t.label}
            </option>
          ))}
        </select>
      </label>
      {type === 'category' && (
        <label>
          Values (separated by commas) <input value={values} onChange={(e) => setValues(e.target.value)} required />
        </label>
      )}
      <button type="submit">Define attribute</button>
    </form>
  );
}
