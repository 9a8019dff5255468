/**
 * Which pages may call the API over IPC: only our own renderer, loaded from
 * app://marginalia/index.html (main/security/appOrigin.ts) or, under the explicit development
 * flag only, from the electron-vite dev server. Anything else (a navigated-away frame, an
 * iframe, a file:// page, an injected page) is refused before validation.
 */
import { isAppIndexUrl } from './appOrigin';

export interface TrustedRenderer {
  /** ELECTRON_RENDERER_URL with MARGINALIA_DEV=1 (main/devMode.ts); never set otherwise. */
  devServerUrl?: string;
}

export function isTrustedRendererUrl(url: string, trusted: TrustedRenderer): boolean {
  if (isAppIndexUrl(url)) return true;
  if (trusted.devServerUrl === undefined || trusted.devServerUrl === '') return false;
  try {
    return new URL(url).origin === new URL(trusted.devServerUrl).origin;
  } catch {
    return false;
  }
}

/** The subset of Electron's WebFrameMain this check needs (kept structural for tests). */
export interface FrameLike {
  url: string;
  parent: unknown;
}

/** Only the top frame of our own page counts; null means the frame is already gone. */
export function isTrustedFrame(frame: FrameLike | null, trusted: TrustedRenderer): boolean {
  return frame !== null && frame.parent === null && isTrustedRendererUrl(frame.url, trusted);
}
