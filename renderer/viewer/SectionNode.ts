/**
 * A run of consecutive paragraphs of the viewer (see groupSections in blocks.ts), so a long
 * document can be laid out one section at a time: `<div class="doc-section"><div
 * class="doc-section-body">paragraphs</div></div>`. It carries no offsets of its own —
 * paragraphs keep `data-start` — and is never edited.
 *
 * Why the inner body: when an element that skipped layout (content-visibility) is shown,
 * Chromium re-checks its parent's whole subtree before the next paint. The body's parent is its
 * own section, not the root holding the whole book.
 */
import { $applyNodeReplacement, ElementNode, type ElementDOMSlot, type SerializedElementNode } from 'lexical';

export class SectionNode extends ElementNode {
  static override getType(): string {
    return 'doc-section';
  }

  static override clone(node: SectionNode): SectionNode {
    return new SectionNode(node.__key);
  }

  static override importJSON(json: SerializedElementNode): SectionNode {
    return $createSectionNode().updateFromJSON(json);
  }

  override createDOM(): HTMLElement {
    const section = document.createElement('div');
    section.className = 'doc-section';
    const body = document.createElement('div');
    body.className = 'doc-section-body';
    section.append(body);
    return section;
  }

  /** The paragraphs go into the body. */
  override getDOMSlot(element: HTMLElement): ElementDOMSlot<HTMLElement> {
    return super.getDOMSlot(element).withElement(element.firstElementChild as HTMLElement);
  }

  override updateDOM(): boolean {
    return false;
  }

  /** Never merged away or removed by Lexical's normalisation of a (read-only) document. */
  override canBeEmpty(): boolean {
    return true;
  }

  /**
   * Its paragraphs are top-level blocks, as if the section were not there: Lexical then gives
   * each one `dir="auto"`, so a line's own text sets its direction (Arabic lines read right to
   * left) instead of the first strong character of the whole section.
   */
  override isShadowRoot(): boolean {
    return true;
  }
}

export function $createSectionNode(): SectionNode {
  return $applyNodeReplacement(new SectionNode());
}

