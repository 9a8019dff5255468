import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFlag, readFlags, resolveCorpusFolder } from './location';

describe('resolveCorpusFolder', () => {
  const bundled = '/app/resources/corpus';
  it('defaults to the bundled corpus', () => {
    expect(resolveCorpusFolder([], {}, bundled)).toBe(bundled);
  });
  it('takes MARGINALIA_CORPUS, relative to the working directory', () => {
    expect(resolveCorpusFolder([], { MARGINALIA_CORPUS: 'data/c' }, bundled, '/home/a')).toBe(resolve('/home/a/data/c'));
  });
  it('lets --corpus win over the environment, in both spellings', () => {
    const env = { MARGINALIA_CORPUS: '/env' };
    expect(resolveCorpusFolder(['node', 'cli.ts', '--corpus', '/flag'], env, bundled)).toBe('/flag');
    expect(resolveCorpusFolder(['--corpus=/flag2'], env, bundled)).toBe('/flag2');
  });
  it('ignores a --corpus flag without a value', () => {
    expect(resolveCorpusFolder(['--corpus', '--port', '1'], {}, bundled)).toBe(bundled);
    expect(readFlag(['--corpus'], 'corpus')).toBeNull();
  });
});

describe('readFlags', () => {
  it('collects every value of a repeated flag, in both spellings and in order', () => {
    expect(readFlags(['--open', 'a.qdpx', '--port', '1', '--open=b c.qdpx', '--open'], 'open')).toEqual(['a.qdpx', 'b c.qdpx']);
    expect(readFlags([], 'open')).toEqual([]);
    expect(readFlag(['--port', '1', '--port=2'], 'port')).toBe('2');
  });
});
