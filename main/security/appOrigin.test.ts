import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAppRequest } from './appOrigin';
import { resolveUrlPath } from './urlPath';

const ROOT = resolve('/opt/Marginalia/resources/app.asar/out/renderer');

describe('resolveUrlPath (both hosts)', () => {
  it('maps paths inside the folder, "/" to index.html', () => {
    expect(resolveUrlPath(ROOT, '/')).toEqual({ kind: 'inside', path: join(ROOT, 'index.html') });
    expect(resolveUrlPath(ROOT, '/assets/index-1.js')).toEqual({ kind: 'inside', path: join(ROOT, 'assets', 'index-1.js') });
    expect(resolveUrlPath(ROOT, '/assets/caf%C3%A9%20x.css')).toEqual({ kind: 'inside', path: join(ROOT, 'assets', 'café x.css') });
    // Empty segments collapse: "//etc/passwd" is a path inside the folder, not the root of the disk.
    expect(resolveUrlPath(ROOT, '//etc/passwd')).toEqual({ kind: 'inside', path: join(ROOT, 'etc', 'passwd') });
  });

  it('refuses "..", plain or encoded', () => {
    for (const path of ['/../secret', '/assets/../../secret', '/%2e%2e/secret', '/%2E%2E/%2E%2E/etc/passwd', '/assets/..']) {
      expect(resolveUrlPath(ROOT, path), path).toEqual({ kind: 'forbidden' });
    }
  });

  it('refuses encoded slashes and backslashes, even where they would stay inside', () => {
    for (const path of ['/assets%2findex.js', '/assets%2Findex.js', '/..%2fsecret', '/assets%5cindex.js', '/assets%5C..%5C..%5Csecret', '/assets\\index.js']) {
      expect(resolveUrlPath(ROOT, path), path).toEqual({ kind: 'forbidden' });
    }
  });

  it('refuses absolute paths in disguise: drive letters, UNC, NUL, broken escapes', () => {
    for (const path of ['/C:/Windows/win.ini', '/c:', '/%5C%5Cserver%5Cshare', '/index.html%00.js', '/%E0%A4%A', '/%']) {
      expect(resolveUrlPath(ROOT, path), path).toEqual({ kind: 'forbidden' });
    }
  });

  it('hides dotfiles and dot folders', () => {
    expect(resolveUrlPath(ROOT, '/.env')).toEqual({ kind: 'hidden' });
    expect(resolveUrlPath(ROOT, '/.git/config')).toEqual({ kind: 'hidden' });
    expect(resolveUrlPath(ROOT, '/./index.html')).toEqual({ kind: 'hidden' });
  });
});

describe('resolveAppRequest (app://)', () => {
  it('serves files of out/renderer for GET and HEAD on app://marginalia', () => {
    expect(resolveAppRequest(ROOT, 'GET', 'app://marginalia/index.html')).toEqual({ kind: 'file', path: join(ROOT, 'index.html') });
    expect(resolveAppRequest(ROOT, 'GET', 'app://marginalia/')).toEqual({ kind: 'file', path: join(ROOT, 'index.html') });
    expect(resolveAppRequest(ROOT, 'HEAD', 'app://marginalia/assets/a.js?v=1#x')).toEqual({ kind: 'file', path: join(ROOT, 'assets', 'a.js') });
    // The URL parser resolves dot segments before we see them: still inside.
    expect(resolveAppRequest(ROOT, 'GET', 'app://marginalia/assets/../../../etc/passwd')).toEqual({ kind: 'file', path: join(ROOT, 'etc', 'passwd') });
    expect(resolveAppRequest(ROOT, 'GET', 'app://marginalia/%2e%2e/%2e%2e/etc/passwd')).toEqual({ kind: 'file', path: join(ROOT, 'etc', 'passwd') });
  });

  it('refuses other hosts and schemes, other methods, and escapes', () => {
    expect(resolveAppRequest(ROOT, 'GET', 'app://evil/index.html')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest(ROOT, 'GET', 'file:///etc/passwd')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest(ROOT, 'GET', 'not a url')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest(ROOT, 'POST', 'app://marginalia/index.html')).toEqual({ kind: 'refused', status: 405 });
    expect(resolveAppRequest(ROOT, 'GET', 'app://marginalia/..%2f..%2fetc/passwd')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest(ROOT, 'GET', 'app://marginalia/C:/Windows/win.ini')).toEqual({ kind: 'refused', status: 403 });
    expect(resolveAppRequest(ROOT, 'GET', 'app://marginalia/.env')).toEqual({ kind: 'refused', status: 404 });
  });
});
