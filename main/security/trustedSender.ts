/**
 * Which pages may call the API over IPC: only our own renderer, loaded from the built
 * index.html (file://) or, in development, from the electron-vite dev server. Anything else
 * (a navigated-away frame, an iframe, an injected page) is refused before validation.
 */
export interface TrustedRenderer {
  /** file:// URL of out/renderer/index.html. */
  rendererIndexUrl: string;
  /** ELECTRON_RENDERER_URL in development only; never set in a packaged app. */
  devServerUrl?: string;
}

export function isTrustedRendererUrl(url: string, trusted: TrustedRenderer): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'file:') {
    // The renderer may use #fragments or ?query for its own state; the file must be ours.
    parsed.hash = '';
    parsed.search = '';
    return parsed.href === new URL(trusted.rendererIndexUrl).href;
  }
  if (trusted.devServerUrl === undefined || trusted.devServerUrl === '') return false;
  try {
    return parsed.origin === new URL(trusted.devServerUrl).origin;
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
