/**
 * Maps a URL path to a file of the built renderer (out/renderer/), refusing anything that
 * would leave that folder: encoded "..", backslashes, NUL bytes, dotfiles, symlinks out.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

export type StaticLookup =
  | { kind: 'file'; path: string; size: number; mimeType: string }
  | { kind: 'forbidden' }
  | { kind: 'notFound' };

/** `urlPath` is the still-encoded pathname of the request URL. */
export async function lookUpStaticFile(rootDir: string, urlPath: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return { kind: 'forbidden' };
  }
  if (decoded === '/' || decoded === '') decoded = '/index.html';
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'forbidden' };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..')) return { kind: 'forbidden' };
  if (segments.some((s) => s.startsWith('.'))) return { kind: 'notFound' };

  const root = resolve(rootDir);
  const candidate = resolve(root, ...segments);
  if (!isInside(root, candidate)) return { kind: 'forbidden' };
  try {
    const real = await realpath(candidate);
    if (!isInside(await realpath(root), real)) return { kind: 'forbidden' };
    const info = await stat(real);
    if (!info.isFile()) return { kind: 'notFound' };
    return { kind: 'file', path: real, size: info.size, mimeType: mimeTypeFor(real) };
  } catch {
    return { kind: 'notFound' };
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
}
