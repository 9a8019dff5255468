/**
 * What the stripes column does with the pointer and the keyboard: the stripe under the pointer
 * (else the one with focus) emphasises its passage, a click or Enter opens its segment, and the
 * column is one tab stop whose stripes the arrow keys (and Home/End) walk top to bottom.
 */
import type { Span } from '../domain/span';
import { emphasise } from './emphasis';

export interface StripeColumnHost {
  blocks: readonly HTMLElement[];
  starts: readonly number[];
  /** The segment and span of a stripe element, or null for anything else. */
  stripeOf: (el: Element) => { segmentId: string; span: Span } | null;
  /** The stripes drawn, top to bottom (nearest the text first on a line). */
  ordered: () => HTMLElement[];
  /** A stripe took focus: it becomes the column's tab stop. */
  onFocus: (el: HTMLElement) => void;
  onOpen: (segmentId: string) => void;
}

/** Listens on the column; returns the function that stops listening. */
export function attachStripeColumn(layer: HTMLElement, host: StripeColumnHost): () => void {
  const stripeAt = (target: EventTarget | null) => {
    const el = target instanceof Element ? target.closest<HTMLElement>('.stripe') : null;
    return el && host.stripeOf(el) ? el : null;
  };
  const show = (el: HTMLElement | null) => emphasise(host.blocks, host.starts, el ? host.stripeOf(el)!.span : null);
  const onClick = (e: MouseEvent) => {
    const el = stripeAt(e.target);
    if (el) host.onOpen(host.stripeOf(el)!.segmentId);
  };
  const onPointer = (e: PointerEvent) => show(stripeAt(e.type === 'pointerover' ? e.target : e.relatedTarget) ?? stripeAt(document.activeElement));
  const onFocusIn = (e: FocusEvent) => {
    const el = stripeAt(e.target);
    if (el) host.onFocus(el);
    show(el);
  };
  const onFocusOut = (e: FocusEvent) => {
    if (!stripeAt(e.relatedTarget)) show(null);
  };
  const onKey = (e: KeyboardEvent) => {
    const stripes = host.ordered();
    const at = stripes.findIndex((el) => el === document.activeElement);
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: stripes.length - 1 }[e.key];
    if (next === undefined || !stripes[next]) return;
    e.preventDefault();
    stripes[next].focus();
  };
  const listeners = [
    ['click', onClick],
    ['pointerover', onPointer],
    ['pointerout', onPointer],
    ['focusin', onFocusIn],
    ['focusout', onFocusOut],
    ['keydown', onKey],
  ] as const;
  for (const [type, listener] of listeners) layer.addEventListener(type, listener as EventListener);
  return () => {
    for (const [type, listener] of listeners) layer.removeEventListener(type, listener as EventListener);
    emphasise(host.blocks, host.starts, null);
  };
}
