/**
 * Where a search (or a word count) looks: all documents, chosen ones, or those with some kind,
 * place, dates or attribute values; anywhere in their text, or only inside (outside) the text coded with a code
 * and its sub-codes.
 */
import { useMemo } from 'react';
import { flattenTree } from '../../domain/codeTree';
import type { Code } from '../../domain/model';
import type { DetailFilter, DocumentScope, SearchScopeChoice, TextScope } from '../../domain/search/savedSearch';
import type { ReadableDocument } from '../../project/corpus';
import { useProject } from '../../ui/ProjectContext';

const NO_FILTER: DetailFilter = { kind: null, place: null, dateFrom: '', dateTo: '' };

interface Props {
  scope: SearchScopeChoice;
  onScope: (scope: SearchScopeChoice) => void;
  documents: readonly ReadableDocument[];
  codes: readonly Code[];
}

const distinct = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b));

export function ScopeFields({ scope, onScope, documents, codes }: Props) {
  const kinds = useMemo(() => distinct(documents.map((d) => d.kind)), [documents]);
  const places = useMemo(() => distinct(documents.map((d) => d.place)), [documents]);
  const tree = useMemo(() => flattenTree(codes), [codes]);
  const setDocuments = (documents: DocumentScope) => onScope({ ...scope, documents });
  const setText = (text: TextScope) => onScope({ ...scope, text });
  const filter = scope.documents.kind === 'details' ? scope.documents.filter : NO_FILTER;
  const setFilter = (edit: Partial<DetailFilter>) => setDocuments({ kind: 'details', filter: { ...filter, ...edit } });
  const chosen = new Set(scope.documents.kind === 'chosen' ? scope.documents.ids : []);
  const { attributes } = useProject();
  const setAttribute = (id: string, value: string) => {
    const values = { ...filter.attributes };
    if (value) values[id] = value;
    else delete values[id];
    setFilter({ attributes: values });
  };
  const firstCode = tree[0]?.code.id ?? '';

  return (
    <div className="search-scope">
      <fieldset>
        <legend>Documents</legend>
        <select
          aria-label="Which documents"
          value={scope.documents.kind}
          onChange={(e) => {
            const kind = e.target.value as DocumentScope['kind'];
            setDocuments(kind === 'all' ? { kind } : kind === 'chosen' ? { kind, ids: documents.map((d) => d.id) } : { kind, filter: NO_FILTER });
          }}
        >
          <option value="all">All documents</option>
          <option value="chosen">Chosen documents</option>
          <option value="details">Documents by kind, place or date</option>
        </select>
        {scope.documents.kind === 'chosen' && (
          <div className="scope-documents" role="group" aria-label="Chosen documents">
            <button type="button" onClick={() => setDocuments({ kind: 'chosen', ids: documents.map((d) => d.id) })}>
              All
            </button>
            <button type="button" onClick={() => setDocuments({ kind: 'chosen', ids: [] })}>
              None
            </button>
            {documents.map((d) => (
              <label key={d.id}>
                <input
                  type="checkbox"
                  checked={chosen.has(d.id)}
                  onChange={(e) => setDocuments({ kind: 'chosen', ids: documents.map((x) => x.id).filter((id) => (id === d.id ? e.target.checked : chosen.has(id))) })}
                />
                {d.title}
              </label>
            ))}
          </div>
        )}
        {scope.documents.kind === 'details' && (
          <div className="scope-details">
            <label>
              Kind
              <select value={filter.kind ?? ''} onChange={(e) => setFilter({ kind: e.target.value || null })}>
                <option value="">Any kind</option>
                {kinds.map((k) => (
                  <option key={k}>{k}</option>
                ))}
              </select>
            </label>
            <label>
              Place
              <select value={filter.place ?? ''} onChange={(e) => setFilter({ place: e.target.value || null })}>
                <option value="">Any place</option>
                {places.map((p) => (
                  <option key={p}>{p}</option>
                ))}
              </select>
            </label>
            <label>
              Dated from
              <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" size={10} value={filter.dateFrom} onChange={(e) => setFilter({ dateFrom: e.target.value.trim() })} />
            </label>
            <label>
              to
              <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" size={10} value={filter.dateTo} onChange={(e) => setFilter({ dateTo: e.target.value.trim() })} />
            </label>
            {attributes.map((a) => (
              <label key={a.id}>
                {a.name}
                {a.type === 'category' ? (
                  <select value={filter.attributes?.[a.id] ?? ''} onChange={(e) => setAttribute(a.id, e.target.value)}>
                    <option value="">Any</option>
                    {a.values.map((v) => (
                      <option key={v}>{v}</option>
                    ))}
                  </select>
                ) : (
                  <input type="text" size={10} value={filter.attributes?.[a.id] ?? ''} onChange={(e) => setAttribute(a.id, e.target.value)} />
                )}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <fieldset>
        <legend>Where in the text</legend>
        <select
          aria-label="Where in the text"
          value={scope.text.kind}
          onChange={(e) => {
            const kind = e.target.value as TextScope['kind'];
            const current = scope.text.kind === 'anywhere' ? { codeId: firstCode, withSubCodes: true } : scope.text;
            setText(kind === 'anywhere' ? { kind } : { kind, codeId: current.codeId, withSubCodes: current.withSubCodes });
          }}
        >
          <option value="anywhere">Anywhere</option>
          <option value="inside" disabled={!firstCode}>
            Only inside text coded
          </option>
          <option value="outside" disabled={!firstCode}>
            Only outside text coded
          </option>
        </select>
        {scope.text.kind !== 'anywhere' && (
          <>
            <select aria-label="Code" value={scope.text.codeId} onChange={(e) => scope.text.kind !== 'anywhere' && setText({ ...scope.text, codeId: e.target.value })}>
              {tree.map(({ code, depth }) => (
                <option key={code.id} value={code.id}>
                  {'\u00a0\u00a0'.repeat(depth)}
                  {code.name}
                </option>
              ))}
            </select>
            <label>
              <input
                type="checkbox"
                checked={scope.text.withSubCodes}
                onChange={(e) => scope.text.kind !== 'anywhere' && setText({ ...scope.text, withSubCodes: e.target.checked })}
              />
              with its sub-codes
            </label>
          </>
        )}
      </fieldset>
    </div>
  );
}
