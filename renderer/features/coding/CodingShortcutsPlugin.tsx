/**
 * Coding keys in the text, on the current selection: digits 1–9 apply the code with that
 * shortcut, "." applies the last-used code again (as "." repeats in vi), Ctrl/Cmd+I codes
 * in vivo (codingKeys.ts).
 */
import { useEffect } from 'react';
import type { Code } from '../../domain/model';
import type { Span } from '../../domain/span';
import { selectionToOffsets } from '../../viewer/domOffsets';
import { useViewer } from '../../viewer/ViewerContext';
import { CODING_KEYS, isInVivoKey } from './codingKeys';
import { recentCodeIds } from './recentCodes';

interface Props {
  codes: readonly Code[];
  onApply: (span: Span, codeId: string) => void;
  onInVivo: (span: Span) => void;
}

export function CodingShortcutsPlugin({ codes, onApply, onInVivo }: Props) {
  const { root } = useViewer();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const action = actionOf(e, codes);
      if (!action) return;
      const span = selectionToOffsets(root, window.getSelection());
      if (!span || span.start === span.end) return;
      e.preventDefault();
      if (action === 'in vivo') onInVivo(span);
      else onApply(span, action.codeId);
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [root, codes, onApply, onInVivo]);
  return null;
}

/** What a key press in the text asks for, if anything. */
function actionOf(e: KeyboardEvent, codes: readonly Code[]): 'in vivo' | { codeId: string } | null {
  if (isInVivoKey(e)) return 'in vivo';
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const codeId =
    e.key === CODING_KEYS.repeat
      ? recentCodeIds().find((id) => codes.some((c) => c.id === id)) // the last used that still exists
      : codes.find((c) => /^[1-9]$/.test(e.key) && c.shortcut === Number(e.key))?.id;
  return codeId ? { codeId } : null;
}
