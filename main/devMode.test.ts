import { describe, expect, it } from 'vitest';
import { developmentMode } from './devMode';

describe('developmentMode', () => {
  it('is off unless MARGINALIA_DEV=1, whatever ELECTRON_RENDERER_URL says', () => {
    expect(developmentMode({})).toEqual({ enabled: false });
    expect(developmentMode({ ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toEqual({ enabled: false });
    for (const value of ['0', 'true', 'yes', '', ' 1']) {
      expect(developmentMode({ MARGINALIA_DEV: value, ELECTRON_RENDERER_URL: 'http://localhost:5173' }), value).toEqual({ enabled: false });
    }
  });

  it('with the flag, uses a dev server on this machine only', () => {
    expect(developmentMode({ MARGINALIA_DEV: '1' })).toEqual({ enabled: true });
    expect(developmentMode({ MARGINALIA_DEV: '1', ELECTRON_RENDERER_URL: 'http://localhost:5173/' })).toEqual({ enabled: true, devServerUrl: 'http://localhost:5173/' });
    expect(developmentMode({ MARGINALIA_DEV: '1', ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173' }).devServerUrl).toBe('http://127.0.0.1:5173');
    for (const url of ['https://example.com', 'http://192.168.1.5:5173', 'file:///tmp/index.html', 'http://localhost.evil.example/', 'nonsense']) {
      expect(developmentMode({ MARGINALIA_DEV: '1', ELECTRON_RENDERER_URL: url }), url).toEqual({ enabled: true });
    }
  });
});
