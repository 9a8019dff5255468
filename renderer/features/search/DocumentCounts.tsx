/** Hits per document, each document's hits included in or left out of coding and the export at once. */
import { useState } from 'react';
import type { SearchSummary } from '../../project/search/protocol';

interface Props {
  result: SearchSummary;
  excluded: ReadonlySet<number>;
  onExcluded: (excluded: ReadonlySet<number>) => void;
  titleOf: (documentId: string) => string;
}

export function DocumentCounts({ result, excluded, onExcluded, titleOf }: Props) {
  // The table (a row per document: a thousand in a large corpus) is drawn only while open.
  const [open, setOpen] = useState(false);
  // Hits are numbered in document order: each document's are one run of numbers.
  let first = 0;
  const rows = result.perDocument.map((d) => {
    const row = { ...d, first };
    first += d.count;
    return row;
  });
  const includedIn = (r: (typeof rows)[number]) => {
    let n = r.count;
    for (let h = r.first; h < r.first + r.count; h++) if (excluded.has(h)) n--;
    return n;
  };
  const setDocument = (r: (typeof rows)[number], include: boolean) => {
    const next = new Set(excluded);
    for (let h = r.first; h < r.first + r.count; h++) {
      if (include) next.delete(h);
      else next.add(h);
    }
    onExcluded(next);
  };
  return (
    <details className="document-counts" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Hits per document ({result.perDocument.length.toLocaleString('en')})</summary>
      {open && (
        <table>
          <thead>
            <tr>
              <th scope="col">Document</th>
              <th scope="col">Hits</th>
              <th scope="col">Included</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const included = includedIn(r);
              return (
                <tr key={r.documentId}>
                  <th scope="row">{titleOf(r.documentId)}</th>
                  <td>{r.count.toLocaleString('en')}</td>
                  <td>
                    <label>
                      <input
                        type="checkbox"
                        checked={included > 0}
                        ref={(el) => {
                          if (el) el.indeterminate = included > 0 && included < r.count;
                        }}
                        onChange={(e) => setDocument(r, e.target.checked)}
                        aria-label={`Include the hits in ${titleOf(r.documentId)}`}
                      />
                      {included < r.count ? ` ${included.toLocaleString('en')}` : ''}
                    </label>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </details>
  );
}
