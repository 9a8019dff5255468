import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_INDEX_URL } from './appOrigin';
import { isTrustedFrame, isTrustedRendererUrl } from './trustedSender';

const production = {};

describe('isTrustedRendererUrl', () => {
  it('trusts only app://marginalia/index.html, with any hash or query', () => {
    expect(APP_INDEX_URL).toBe('app://marginalia/index.html');
    expect(isTrustedRendererUrl(APP_INDEX_URL, production)).toBe(true);
    expect(isTrustedRendererUrl(`${APP_INDEX_URL}#/documents?x=1`, production)).toBe(true);
    expect(isTrustedRendererUrl(`${APP_INDEX_URL}?debug=1`, production)).toBe(true);
    expect(isTrustedRendererUrl('app://marginalia/assets/../index.html', production)).toBe(true);
  });

  it('refuses every other page: other paths, hosts, schemes, file:// (the old way), junk', () => {
    for (const url of [
      'app://marginalia/',
      'app://marginalia/assets/index.html',
      'app://marginalia/index.html/',
      'app://evil/index.html',
      'app://marginalia.evil/index.html',
      'apps://marginalia/index.html',
      pathToFileURL('/opt/Marginalia/resources/app.asar/out/renderer/index.html').href,
      'http://localhost:5173/index.html',
      'https://example.com/',
      'not a url',
      '',
    ]) {
      expect(isTrustedRendererUrl(url, production), url).toBe(false);
    }
  });

  it('trusts the dev server origin only when one is configured', () => {
    const dev = { devServerUrl: 'http://localhost:5173' };
    expect(isTrustedRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isTrustedRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', production)).toBe(false);
    expect(isTrustedRendererUrl('http://localhost:5173/', { devServerUrl: '' })).toBe(false);
  });
});

describe('isTrustedFrame', () => {
  it('refuses a missing frame and sub-frames of our own page', () => {
    expect(isTrustedFrame({ url: APP_INDEX_URL, parent: null }, production)).toBe(true);
    expect(isTrustedFrame({ url: APP_INDEX_URL, parent: { url: APP_INDEX_URL } }, production)).toBe(false);
    expect(isTrustedFrame(null, production)).toBe(false);
  });
});
