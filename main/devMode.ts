/**
 * Development conveniences — electron-vite's dev server (ELECTRON_RENDERER_URL), DevTools, the
 * Reload menu item — only under an explicit flag, MARGINALIA_DEV=1. An unpackaged app is not
 * reason enough: `npm start` and the e2e tests run unpackaged and must behave like the release.
 */
export const DEV_FLAG = 'MARGINALIA_DEV';

export interface DevelopmentMode {
  enabled: boolean;
  /** The dev server to load instead of app://, only when enabled and only on this machine. */
  devServerUrl?: string;
}

export function developmentMode(env: Readonly<Record<string, string | undefined>>): DevelopmentMode {
  if (env[DEV_FLAG] !== '1') return { enabled: false };
  const url = env['ELECTRON_RENDERER_URL'];
  return url !== undefined && isLoopbackHttpUrl(url) ? { enabled: true, devServerUrl: url } : { enabled: true };
}

function isLoopbackHttpUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  } catch {
    return false;
  }
}
