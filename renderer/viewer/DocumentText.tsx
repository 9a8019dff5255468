/**
 * The read-only Lexical viewer of one document. Each line of the normalised text is one
 * paragraph node; once Lexical has put them in the DOM, each gets `data-start` (its offset),
 * and the plugins passed as children (highlights, keyboard caret, selection, pointer) start.
 */
import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { layoutBlocks, type BlockLayout } from './blocks';
import { deferOffscreenLayout, LAZY_LAYOUT_THRESHOLD, restoreLayout } from './lazyLayout';
import type { ViewportTracker } from './viewportTracker';
import { ViewerContext, type ViewerReady } from './ViewerContext';

interface Props {
  text: string;
  /** Accessible name of the text area, e.g. "Document text". */
  label: string;
  children?: ReactNode;
}

export function DocumentText({ text, label, children }: Props) {
  const layout = useMemo(() => layoutBlocks(text), [text]);
  const [ready, setReady] = useState<ViewerReady | null>(null);
  const initialConfig = useMemo(
    () => ({
      namespace: 'marginalia-viewer',
      editable: false,
      theme: { paragraph: 'doc-block', ltr: 'ltr', rtl: 'rtl' },
      onError: (error: Error) => {
        throw error;
      },
      editorState: () => {
        const root = $getRoot();
        for (const line of layout.lines) {
          const p = $createParagraphNode();
          if (line.length > 0) p.append($createTextNode(line));
          root.append(p);
        }
      },
    }),
    [layout],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ContentEditable
        className="doc-text"
        ariaLabel={label}
        role="textbox"
        aria-readonly="true"
        ariaMultiline
        tabIndex={0}
        spellCheck={false}
      />
      <BlockOffsetsPlugin layout={layout} text={text} onReady={setReady} />
      <ViewerContext.Provider value={ready}>{ready ? children : null}</ViewerContext.Provider>
    </LexicalComposer>
  );
}

/**
 * Tags each paragraph element with its start offset once Lexical has rendered them all — in a
 * layout effect, so a long document's far blocks are marked before the first paint.
 */
function BlockOffsetsPlugin(props: { layout: BlockLayout; text: string; onReady: (r: ViewerReady | null) => void }) {
  const [editor] = useLexicalComposerContext();
  const { layout, text, onReady } = props;
  useLayoutEffect(() => {
    let done = false;
    let tracker: ViewportTracker | null = null;
    let blocks: HTMLElement[] = [];
    const tag = () => {
      const root = editor.getRootElement();
      if (done || !root || root.children.length !== layout.lines.length) return;
      blocks = Array.from(root.children) as HTMLElement[];
      blocks.forEach((el, i) => {
        el.dataset.start = String(layout.starts[i]);
      });
      done = true;
      if (text.length > LAZY_LAYOUT_THRESHOLD) tracker = deferOffscreenLayout(root, blocks);
      onReady({ root, blocks, layout, text, viewport: tracker });
    };
    tag();
    const unregister = editor.registerUpdateListener(tag);
    return () => {
      unregister();
      if (tracker) {
        tracker.dispose();
        restoreLayout(blocks);
      }
      onReady(null);
    };
  }, [editor, layout, text, onReady]);
  return null;
}
