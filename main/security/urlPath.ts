/**
 * One rule for both hosts (the Node host's static files and Electron's app:// protocol): which
 * file of the built renderer a URL path names. Pure — no file system — so every spelling of an
 * escape is unit-tested: "..", encoded slashes and backslashes, NUL, drive letters, absolute
 * paths. Dotfiles are hidden. Symlinks are the caller's business (it can realpath).
 */
import { isAbsolute, relative, resolve, sep } from 'node:path';

export type UrlPathResolution = { kind: 'inside'; path: string } | { kind: 'forbidden' } | { kind: 'hidden' };

/** `encodedPath` is a URL's pathname as it came, still percent-encoded; "/" means index.html. */
export function resolveUrlPath(rootDir: string, encodedPath: string): UrlPathResolution {
  // An encoded "/" or "\" can only be there to smuggle a separator past the split below.
  if (/%(2f|5c)/i.test(encodedPath)) return { kind: 'forbidden' };
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const segments = decoded.split('/').filter((s) => s !== '');
  // ":" would let a segment such as "C:" name another drive on Windows.
  if (segments.some((s) => s === '..' || s.includes(':'))) return { kind: 'forbidden' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'hidden' };
  const root = resolve(rootDir);
  const path = resolve(root, ...segments);
  return isInside(root, path) ? { kind: 'inside', path } : { kind: 'forbidden' };
}

export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}
