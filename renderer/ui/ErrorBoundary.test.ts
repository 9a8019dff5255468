/**
 * The boundary's decisions, in Node (no DOM here): React calls getDerivedStateFromError when a
 * child throws while rendering, then render() shows the fallback. The e2e suite sees it in a page.
 */
import { createElement, type ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ErrorBoundary } from './ErrorBoundary';

function boundary(resetKey?: unknown) {
  const props = { what: 'the document “Interview 3”', resetKey, children: createElement('p', null, 'the pane') };
  return { props, instance: new ErrorBoundary(props) };
}

const markupOf = (b: ErrorBoundary) => renderToStaticMarkup(b.render() as ReactElement);

describe('ErrorBoundary', () => {
  it('shows its pane while nothing failed', () => {
    expect(markupOf(boundary().instance)).toBe('<p>the pane</p>');
  });

  it('after a failure, names what failed, says why and offers to try again', () => {
    const { instance } = boundary();
    instance.state = { ...instance.state, ...ErrorBoundary.getDerivedStateFromError(new SyntaxError('Invalid regular expression: Stack overflow')) };
    const html = markupOf(instance);
    expect(html).toContain('role="alert"');
    expect(html).toContain('Something went wrong while showing the document “Interview 3”.');
    expect(html).toContain('Invalid regular expression: Stack overflow');
    expect(html).toContain('>Try again</button>');
    expect(ErrorBoundary.getDerivedStateFromError('thrown text')).toEqual({ error: new Error('thrown text') });
  });

  it('clears the failure when its reset key changes (another document opened), not otherwise', () => {
    const { props, instance } = boundary('doc-1');
    const failed = { error: new Error('x'), resetKey: 'doc-1' };
    expect(ErrorBoundary.getDerivedStateFromProps(props, failed)).toBeNull();
    expect(ErrorBoundary.getDerivedStateFromProps({ ...props, resetKey: 'doc-2' }, failed)).toEqual({ error: null, resetKey: 'doc-2' });
    expect(instance.state).toEqual({ error: null, resetKey: 'doc-1' });
  });
});
