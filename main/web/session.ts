/**
 * The Node host's per-session secret. Any local process can reach 127.0.0.1, so the API answers
 * only callers that hold the secret, and only the page the host served holds it: it is generated
 * when the host starts, written into index.html as a meta tag (not an inline script, so the CSP
 * stays strict), and sent back by the renderer as a header on every API call.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SESSION_META_NAME } from '../../common/hostSession';

export function createSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Constant time: both sides are hashed to equal length first, so neither length nor content leaks. */
export function isSessionSecret(candidate: string | string[] | undefined, secret: string): boolean {
  if (typeof candidate !== 'string') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(candidate), digest(secret));
}

/** index.html with the secret in a meta tag at the top of <head> (or of the document, if it has none). */
export function injectSessionMeta(html: string, secret: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(secret)) throw new Error('a session secret is base64url');
  const meta = `<meta name="${SESSION_META_NAME}" content="${secret}" />`;
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + meta + html.slice(head.index + head[0].length);
  const doctype = /^\s*<!doctype[^>]*>/i.exec(html);
  const at = doctype ? doctype[0].length : 0;
  return html.slice(0, at) + meta + html.slice(at);
}
