/**
 * Applying codes to a span of the open document: one set of actions for the popup and the
 * shortcuts. Each is one undoable change, creating a code and applying it included.
 */
import { useCallback } from 'react';
import { combineChanges, type Change } from '../../domain/change';
import { createCode } from '../../domain/codebook';
import { inVivoCode } from '../../domain/inVivo';
import type { Code } from '../../domain/model';
import { applyCode } from '../../domain/segments';
import type { ProjectSnapshot, ProjectStore } from '../../project/projectStore';
import type { Span } from '../../domain/span';
import { useServices } from '../../ui/ProjectContext';
import type { OpContext } from '../../domain/context';
import { noteApplied } from './recentCodes';

export interface OpenDocument {
  id: string;
  sha256: string;
  text: string;
}

/** Codes a span as the current coder, against the document's segments at commit time. */
function codeSpan(store: ProjectStore, doc: OpenDocument, span: Span, code: Pick<Code, 'id' | 'name'>, ctx: OpContext, state: ProjectSnapshot): Change {
  const { placed } = store.placements.place(doc.id, state.segments.inDocument(doc.id), doc.text, doc.sha256);
  const target = { documentId: doc.id, documentHash: doc.sha256, text: doc.text, ...span };
  return applyCode(placed, target, code.id, state.settings.coder, ctx, code.name).change;
}

export function useCoding(doc: OpenDocument) {
  const { store } = useServices();

  /** Runs one coding action; true once stored (the code then counts as recently used). */
  const run = useCallback(
    async (operation: (ctx: OpContext, state: ProjectSnapshot) => { change: Change; codeId: string }) => {
      let codeId: string | null = null;
      const stored = await store.act(
        (ctx, state) => {
          const done = operation(ctx, state);
          codeId = done.codeId;
          return done.change;
        },
        { documentId: doc.id },
      );
      if (stored && codeId) noteApplied(codeId);
      return stored !== null;
    },
    [store, doc.id],
  );

  const apply = useCallback(
    (span: Span, codeId: string) =>
      run((ctx, state) => {
        const code = state.codes.find((c) => c.id === codeId) ?? { id: codeId, name: '' };
        return { change: codeSpan(store, doc, span, code, ctx, state), codeId };
      }),
    [run, store, doc],
  );

  /** Creates a top-level code with that name and applies it: one undo step. */
  const createAndApply = useCallback(
    (span: Span, name: string) =>
      run((ctx, state) => {
        const created = createCode(state.codes, { name }, ctx);
        const applied = codeSpan(store, doc, span, created.code, ctx, state);
        return { change: combineChanges(`Create and apply code ${created.code.name}`, created.change, applied), codeId: created.code.id };
      }),
    [run, store, doc],
  );

  /** Codes the span with a code named after its words (see domain/inVivo.ts): one undo step. */
  const codeInVivo = useCallback(
    (span: Span) =>
      run((ctx, state) => {
        const { code, change } = inVivoCode(state.codes, doc.text.slice(span.start, span.end), ctx);
        const applied = codeSpan(store, doc, span, code, ctx, state);
        return { change: combineChanges(`Code in vivo “${code.name}”`, change, applied), codeId: code.id };
      }),
    [run, store, doc],
  );

  return { apply, createAndApply, codeInVivo };
}
