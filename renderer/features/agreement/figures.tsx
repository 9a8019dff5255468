/** How the agreement view writes its figures: an undefined one says so, never 0 or NaN. */
export const percentText = (v: number | null) => (v === null ? 'undefined' : `${v.toFixed(1)}%`);
export const coefficientText = (v: number | null) => (v === null ? 'undefined' : v.toFixed(3));
export const countText = (n: number) => Math.round(n).toLocaleString('en');

/** A figure cell; an undefined figure is muted and names its reason in the row's note. */
export function Figure({ text }: { text: string }) {
  return <td className={text === 'undefined' ? 'figure undefined' : 'figure'}>{text}</td>;
}
