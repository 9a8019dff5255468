/**
 * What the stripes column does with the pointer and the keyboard: the stripe under the pointer
 * (else the one with focus) emphasises its passage and shows its code's name in full beneath it
 * (a one-line stripe has no room for it), a click or Enter opens its segment, and the column is
 * one tab stop whose stripes the arrow keys (and Home/End) walk top to bottom.
 */
import type { Span } from '../domain/span';
import { emphasise } from './emphasis';

export interface StripeColumnHost {
  blocks: readonly HTMLElement[];
  starts: readonly number[];
  /** The segment, span and code name of a stripe element, or null for anything else. */
  stripeOf: (el: Element) => { segmentId: string; span: Span; name: string } | null;
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
  // The name tag repeats the stripe's accessible name visually: hidden from assistive technology.
  const tag = document.createElement('span');
  tag.className = 'stripe-tag';
  tag.setAttribute('aria-hidden', 'true');
  tag.hidden = true;
  layer.append(tag);
  const show = (el: HTMLElement | null) => {
    const stripe = el && host.stripeOf(el);
    emphasise(host.blocks, host.starts, stripe ? stripe.span : null);
    tag.hidden = !stripe;
    if (!stripe) return;
    tag.textContent = stripe.name;
    tag.style.top = `${el.offsetTop + el.offsetHeight + 2}px`;
  };
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
    tag.remove();
  };
}
