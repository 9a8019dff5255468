/**
 * The read-only Lexical viewer of one document. Each line of the normalised text is one
 * paragraph node, grouped into section nodes (see groupSections); once Lexical has put them in
 * the DOM, each paragraph gets `data-start` (its offset), and the plugins passed as children
 * (highlights, keyboard caret, selection, pointer) start.
 */
import { useLayoutEffect, useMemo, useState, type ReactNode } from 'react';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import { groupSections, layoutBlocks, type BlockLayout } from './blocks';
import { deferOffscreenLayout, LAZY_LAYOUT_THRESHOLD, restoreLayout } from './lazyLayout';
import { $createSectionNode, SectionNode } from './SectionNode';
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
  const sectionFirsts = useMemo(() => groupSections(layout.lines), [layout]);
  const [ready, setReady] = useState<ViewerReady | null>(null);
  const initialConfig = useMemo(
    () => ({
      namespace: 'marginalia-viewer',
      editable: false,
      nodes: [SectionNode],
      theme: { paragraph: 'doc-block', ltr: 'ltr', rtl: 'rtl' },
      onError: (error: Error) => {
        throw error;
      },
      editorState: () => {
        const root = $getRoot();
        let section = $createSectionNode();
        let next = 1; // the next section's index in sectionFirsts
        layout.lines.forEach((line, i) => {
          if (i === sectionFirsts[next]) {
            root.append(section);
            section = $createSectionNode();
            next++;
          }
          const p = $createParagraphNode();
          if (line.length > 0) p.append($createTextNode(line));
          section.append(p);
        });
        root.append(section);
      },
    }),
    [layout, sectionFirsts],
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
      <BlockOffsetsPlugin layout={layout} sectionFirsts={sectionFirsts} text={text} onReady={setReady} />
      <ViewerContext.Provider value={ready}>{ready ? children : null}</ViewerContext.Provider>
    </LexicalComposer>
  );
}

/**
 * Tags each paragraph element with its start offset once Lexical has rendered them all — in a
 * layout effect, so a long document's far blocks are marked before the first paint.
 */
function BlockOffsetsPlugin(props: {
  layout: BlockLayout;
  sectionFirsts: readonly number[];
  text: string;
  onReady: (r: ViewerReady | null) => void;
}) {
  const [editor] = useLexicalComposerContext();
  const { layout, sectionFirsts, text, onReady } = props;
  useLayoutEffect(() => {
    let done = false;
    let tracker: ViewportTracker | null = null;
    let sections: HTMLElement[] = [];
    const tag = () => {
      const root = editor.getRootElement();
      if (done || !root || root.children.length !== sectionFirsts.length) return;
      // What a long document lays out one at a time: each section's body (see SectionNode).
      sections = Array.from(root.children, (section) => section.firstElementChild as HTMLElement);
      const blocks = sections.flatMap((body) => Array.from(body?.children ?? []) as HTMLElement[]);
      if (blocks.length !== layout.lines.length) return;
      blocks.forEach((el, i) => {
        el.dataset.start = String(layout.starts[i]);
      });
      done = true;
      const lazy = { sections, firsts: sectionFirsts, lines: layout.lines };
      if (text.length > LAZY_LAYOUT_THRESHOLD) tracker = deferOffscreenLayout(root, blocks, lazy);
      onReady({ root, blocks, layout, text, viewport: tracker });
    };
    tag();
    const unregister = editor.registerUpdateListener(tag);
    return () => {
      unregister();
      if (tracker) {
        tracker.dispose();
        restoreLayout(sections);
      }
      onReady(null);
    };
  }, [editor, layout, sectionFirsts, text, onReady]);
  return null;
}
