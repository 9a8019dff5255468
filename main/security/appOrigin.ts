/**
 * The desktop app's own origin, app://marginalia, which serves out/renderer and nothing else
 * (main/appProtocol.ts). A custom standard, secure scheme instead of file://: the page gets a
 * real origin (IndexedDB, CSP 'self') and no file:// privileges over the rest of the disk.
 * Pure: the Electron glue asks resolveAppRequest which file, if any, a request names.
 */
import { resolveUrlPath } from './urlPath';

export const APP_SCHEME = 'app';
export const APP_HOST = 'marginalia';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

export type AppRequestResolution = { kind: 'file'; path: string } | { kind: 'refused'; status: 403 | 404 | 405 };

export function resolveAppRequest(rendererDir: string, method: string, url: string): AppRequestResolution {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405 };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 403 };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return { kind: 'refused', status: 403 };
  const resolved = resolveUrlPath(rendererDir, parsed.pathname);
  if (resolved.kind === 'forbidden') return { kind: 'refused', status: 403 };
  if (resolved.kind === 'hidden') return { kind: 'refused', status: 404 };
  return { kind: 'file', path: resolved.path };
}

/** True for the app's page itself (any #fragment or ?query), the only page trusted with IPC. */
export function isAppIndexUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === '/index.html';
  } catch {
    return false;
  }
}
