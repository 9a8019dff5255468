/**
 * The mapping step of an import, as a hook the Import dialog calls between reading a file and
 * storing it (a merge; a replace has nothing to map onto). `review` resolves at once when no
 * incoming code needs a decision — every path is already in the project, or no new code's name
 * is like an existing one (they are all added as new, as before; the codebook's Merge maps them
 * later) — else shows CodeMappingStep and resolves with the incoming rows mapped as the analyst
 * confirmed (null when they cancelled: nothing is written). The report lines say which codes
 * were mapped.
 */
import { useCallback, useRef, useState, type ReactNode } from 'react';
import { mapCodes, mappingNotes, proposeCodeMapping, type CodeMapping, type MappingRow } from '../../domain/codeMapping';
import type { Code } from '../../domain/model';
import type { Incoming } from '../../formats/format';
import { CodeMappingStep } from './CodeMappingStep';

export interface Reviewed {
  incoming: Incoming;
  /** Lines for the import report. */
  notes: string[];
}

/** The codes a file brings (the codebook it would merge). */
export function incomingCodes(incoming: Incoming): readonly Code[] {
  return incoming.kind === 'project' ? incoming.backup.codes : incoming.kind === 'additions' ? incoming.additions.codes : incoming.codes;
}

export function mapIncoming(incoming: Incoming, mapping: CodeMapping): Incoming {
  switch (incoming.kind) {
    case 'project':
      return { ...incoming, backup: mapCodes(incoming.backup, mapping) };
    case 'additions':
      return { ...incoming, additions: mapCodes(incoming.additions, mapping) };
    case 'codebook':
      return { ...incoming, codes: mapCodes({ codes: incoming.codes }, mapping).codes };
  }
}

interface Pending {
  rows: MappingRow[];
  current: readonly Code[];
  fileName: string;
  incoming: Incoming;
  resolve: (reviewed: Reviewed | null) => void;
}

export function useCodeMapping(): { review: (incoming: Incoming, current: readonly Code[], fileName: string) => Promise<Reviewed | null>; step: ReactNode } {
  const [pending, setPending] = useState<Pending | null>(null);
  const latest = useRef<Pending | null>(null);
  latest.current = pending;

  const review = useCallback((incoming: Incoming, current: readonly Code[], fileName: string) => {
    latest.current?.resolve(null); // a newer file replaces one still under review
    const rows = proposeCodeMapping(incomingCodes(incoming), current);
    if (!rows.some((r) => r.proposed)) return Promise.resolve({ incoming, notes: [] });
    return new Promise<Reviewed | null>((resolve) => setPending({ rows, current, fileName, incoming, resolve }));
  }, []);

  const step = pending && (
    <CodeMappingStep
      rows={pending.rows}
      current={pending.current}
      fileName={pending.fileName}
      onConfirm={(mapping) => {
        setPending(null);
        pending.resolve({ incoming: mapIncoming(pending.incoming, mapping), notes: mappingNotes(pending.rows, mapping, pending.current) });
      }}
      onCancel={() => {
        setPending(null);
        pending.resolve(null);
      }}
    />
  );
  return { review, step };
}
