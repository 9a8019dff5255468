/** How the agreement view writes its figures (domain/agreement/figureText.ts, shared with the report). */
export { coefficientText, countText, percentText } from '../../domain/agreement/figureText';

/** A figure cell; an undefined figure is muted and names its reason in the row's note. */
export function Figure({ text }: { text: string }) {
  return <td className={text === 'undefined' ? 'figure undefined' : 'figure'}>{text}</td>;
}
