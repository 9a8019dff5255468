/**
 * A run of consecutive paragraphs of the viewer (see groupSections in blocks.ts): a plain
 * `<div class="doc-section">` so a long document can be laid out one section at a time.
 * It carries no offsets of its own — paragraphs keep `data-start` — and is never edited.
 */
import { $applyNodeReplacement, ElementNode, type NodeKey, type SerializedElementNode } from 'lexical';

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
    const div = document.createElement('div');
    div.className = 'doc-section';
    return div;
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

