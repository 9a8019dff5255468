/**
 * Maps a URL path to a file of the built renderer (out/renderer/), refusing anything that
 * would leave that folder (main/security/urlPath.ts), dotfiles, and symlinks that lead out.
 */
import { realpath, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { isInside, resolveUrlPath } from '../security/urlPath';

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
  const resolved = resolveUrlPath(rootDir, urlPath);
  if (resolved.kind === 'forbidden') return { kind: 'forbidden' };
  if (resolved.kind === 'hidden') return { kind: 'notFound' };
  try {
    // A symlink inside the folder could still lead elsewhere: check where it really goes.
    const real = await realpath(resolved.path);
    if (!isInside(await realpath(rootDir), real)) return { kind: 'forbidden' };
    const info = await stat(real);
    if (!info.isFile()) return { kind: 'notFound' };
    return { kind: 'file', path: real, size: info.size, mimeType: mimeTypeFor(real) };
  } catch {
    return { kind: 'notFound' };
  }
}
