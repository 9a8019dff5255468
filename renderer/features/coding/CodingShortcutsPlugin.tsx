/** Digit keys 1–9 in the text apply the code with that shortcut to the current selection. */
import { useEffect } from 'react';
import type { Code } from '../../domain/model';
import type { Span } from '../../domain/span';
import { selectionToOffsets } from '../../viewer/domOffsets';
import { useViewer } from '../../viewer/ViewerContext';

interface Props {
  codes: readonly Code[];
  onApply: (span: Span, codeId: string) => void;
}

export function CodingShortcutsPlugin({ codes, onApply }: Props) {
  const { root } = useViewer();
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || !/^[1-9]$/.test(e.key)) return;
      const code = codes.find((c) => c.shortcut === Number(e.key));
      const span = selectionToOffsets(root, window.getSelection());
      if (!code || !span || span.start === span.end) return;
      e.preventDefault();
      onApply(span, code.id);
    };
    root.addEventListener('keydown', onKeyDown);
    return () => root.removeEventListener('keydown', onKeyDown);
  }, [root, codes, onApply]);
  return null;
}
