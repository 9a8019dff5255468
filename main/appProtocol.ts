/**
 * app://marginalia in Electron: the scheme is registered as standard and secure before the app
 * is ready, then answered from out/renderer only (the path rule is main/security/appOrigin.ts).
 * Every response carries the CSP itself: it does not depend on the session's header hook.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { APP_SCHEME, resolveAppRequest } from './security/appOrigin';
import { SECURITY_HEADERS } from './security/headers';
import { mimeTypeFor } from './web/staticFiles';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    // standard: relative URLs and IndexedDB work; secure: a secure context, like https.
    // supportFetchAPI: the .qdpx reader's worker script is fetched from app://.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const found = resolveAppRequest(rendererDir, request.method, request.url);
    if (found.kind === 'refused') return new Response(null, { status: found.status, headers: SECURITY_HEADERS });
    try {
      const body = request.method === 'HEAD' ? null : await readFile(found.path);
      return new Response(body, { status: 200, headers: { ...SECURITY_HEADERS, 'Content-Type': mimeTypeFor(found.path) } });
    } catch {
      return new Response(null, { status: 404, headers: SECURITY_HEADERS });
    }
  });
}
