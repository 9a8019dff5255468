import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedFrame, isTrustedRendererUrl } from './trustedSender';

const index = pathToFileURL('/opt/Marginalia/resources/app.asar/out/renderer/index.html').href;

describe('isTrustedRendererUrl', () => {
  it('trusts only our built index.html, with any hash or query', () => {
    expect(isTrustedRendererUrl(index, { rendererIndexUrl: index })).toBe(true);
    expect(isTrustedRendererUrl(`${index}#/documents?x=1`, { rendererIndexUrl: index })).toBe(true);
    expect(isTrustedRendererUrl(pathToFileURL('/tmp/evil.html').href, { rendererIndexUrl: index })).toBe(false);
    expect(isTrustedRendererUrl(`${index}/../../../../tmp/evil.html`, { rendererIndexUrl: index })).toBe(false);
    expect(isTrustedRendererUrl('https://example.com/', { rendererIndexUrl: index })).toBe(false);
    expect(isTrustedRendererUrl('not a url', { rendererIndexUrl: index })).toBe(false);
  });

  it('trusts the dev server origin only when one is configured', () => {
    const dev = { rendererIndexUrl: index, devServerUrl: 'http://localhost:5173' };
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', { rendererIndexUrl: index })).toBe(false);
  });
});

describe('isTrustedFrame', () => {
  it('refuses a missing frame and sub-frames of our own page', () => {
    const trusted = { rendererIndexUrl: index };
    expect(isTrustedFrame({ url: index, parent: null }, trusted)).toBe(true);
    expect(isTrustedFrame({ url: index, parent: { url: index } }, trusted)).toBe(false);
    expect(isTrustedFrame(null, trusted)).toBe(false);
  });
});
