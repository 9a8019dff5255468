import { describe, expect, it } from 'vitest';
import { createSessionSecret, injectSessionMeta, isSessionSecret } from './session';

describe('the session secret', () => {
  it('is 32 random bytes in base64url, new each time', () => {
    const secrets = new Set(Array.from({ length: 20 }, createSessionSecret));
    expect(secrets.size).toBe(20);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('matches only itself, exactly', () => {
    const secret = createSessionSecret();
    expect(isSessionSecret(secret, secret)).toBe(true);
    for (const candidate of [undefined, '', secret.slice(0, -1), `${secret} `, secret.toUpperCase(), [secret, secret]]) {
      expect(isSessionSecret(candidate, secret)).toBe(false);
    }
  });

  it('goes into <head> as a meta tag, never as a script', () => {
    const page = '<!doctype html>\n<html lang="en">\n  <HEAD data-x="1">\n    <title>Marginalia</title>\n  </HEAD><body><script type="module" src="./a.js"></script></body></html>';
    const served = injectSessionMeta(page, 'abc_-1');
    expect(served).toBe(page.replace('<HEAD data-x="1">', '<HEAD data-x="1"><meta name="marginalia-session" content="abc_-1" />'));
    expect(served.match(/<script/g)).toHaveLength(1);
  });

  it('goes after the doctype of a page without <head>, and refuses a secret that would need escaping', () => {
    expect(injectSessionMeta('<!doctype html><title>t</title>', 'k')).toBe('<!doctype html><meta name="marginalia-session" content="k" /><title>t</title>');
    expect(injectSessionMeta('<title>t</title>', 'k')).toBe('<meta name="marginalia-session" content="k" /><title>t</title>');
    // <header> is not <head>.
    expect(injectSessionMeta('<header>x</header>', 'k')).toBe('<meta name="marginalia-session" content="k" /><header>x</header>');
    expect(() => injectSessionMeta('<head>', '"><script>')).toThrow(/base64url/);
  });
});
