/** Applying codes to a span of the open document: one function used by toolbar and shortcuts. */
import { useCallback } from 'react';
import { createCode } from '../../domain/codebook';
import type { Segment } from '../../domain/model';
import { applyCode } from '../../domain/segments';
import type { Span } from '../../viewer/domOffsets';
import { useProject, useServices } from '../../ui/ProjectContext';

export interface OpenDocument {
  id: string;
  sha256: string;
  text: string;
}

export function useCoding(doc: OpenDocument, placed: readonly Segment[]) {
  const { store } = useServices();
  const { codes, settings } = useProject();

  const apply = useCallback(
    async (span: Span, codeId: string) => {
      const code = codes.find((c) => c.id === codeId);
      const change = await store.act(
        (ctx) => applyCode(placed, { documentId: doc.id, documentHash: doc.sha256, text: doc.text, ...span }, codeId, settings.coder, ctx, code?.name).change,
        { documentId: doc.id },
      );
      return change !== null;
    },
    [store, codes, settings.coder, placed, doc],
  );

  /** Creates a code with that name and applies it, as one undoable step each. */
  const createAndApply = useCallback(
    async (span: Span, name: string) => {
      let newId: string | null = null;
      const created = await store.act(
        (ctx) => {
          const { change, code } = createCode(codes, { name }, ctx);
          newId = code.id;
          return change;
        },
        { documentId: doc.id },
      );
      if (!created || !newId) return false;
      const id: string = newId;
      const change = await store.act(
        (ctx) => applyCode(placed, { documentId: doc.id, documentHash: doc.sha256, text: doc.text, ...span }, id, settings.coder, ctx, name.trim()).change,
        { documentId: doc.id },
      );
      return change !== null;
    },
    [store, codes, settings.coder, placed, doc],
  );

  return { apply, createAndApply };
}
