/** Applying codes to a span of the open document: one function used by toolbar and shortcuts. */
import { useCallback } from 'react';
import { createCode } from '../../domain/codebook';
import { applyCode } from '../../domain/segments';
import type { ProjectSnapshot, ProjectStore } from '../../project/projectStore';
import type { Span } from '../../domain/span';
import { useServices } from '../../ui/ProjectContext';
import type { OpContext } from '../../domain/context';

export interface OpenDocument {
  id: string;
  sha256: string;
  text: string;
}

/** Codes a span as the current coder, against the document's segments at commit time. */
function codeSpan(store: ProjectStore, doc: OpenDocument, span: Span, codeId: string, ctx: OpContext, state: ProjectSnapshot) {
  const { placed } = store.placements.place(doc.id, state.segments.inDocument(doc.id), doc.text, doc.sha256);
  const name = state.codes.find((c) => c.id === codeId)?.name;
  const target = { documentId: doc.id, documentHash: doc.sha256, text: doc.text, ...span };
  return applyCode(placed, target, codeId, state.settings.coder, ctx, name);
}

export function useCoding(doc: OpenDocument) {
  const { store } = useServices();

  const apply = useCallback(
    async (span: Span, codeId: string) => {
      const change = await store.act((ctx, state) => codeSpan(store, doc, span, codeId, ctx, state).change, { documentId: doc.id });
      return change !== null;
    },
    [store, doc],
  );

  /** Creates a code with that name and applies it, as one undoable step each. */
  const createAndApply = useCallback(
    async (span: Span, name: string) => {
      let newId: string | null = null;
      const created = await store.act(
        (ctx, state) => {
          const { change, code } = createCode(state.codes, { name }, ctx);
          newId = code.id;
          return change;
        },
        { documentId: doc.id },
      );
      if (!created || !newId) return false;
      const id: string = newId;
      const change = await store.act((ctx, state) => codeSpan(store, doc, span, id, ctx, state).change, { documentId: doc.id });
      return change !== null;
    },
    [store, doc],
  );

  return { apply, createAndApply };
}
