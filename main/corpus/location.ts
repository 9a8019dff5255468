/**
 * Which corpus folder to load: `--corpus <dir>` (or `--corpus=<dir>`) on the command line,
 * else the MARGINALIA_CORPUS environment variable, else the bundled corpus. Relative paths
 * are taken from the current working directory.
 */
import { resolve } from 'node:path';

export const CORPUS_ENV = 'MARGINALIA_CORPUS';

/** The value of `--name <value>` or `--name=<value>`, the last one winning; null if absent. */
export function readFlag(argv: readonly string[], name: string): string | null {
  return readFlags(argv, name).at(-1) ?? null;
}

/** Every value of a flag that may be repeated (`--open a.qdpx --open b.qdpx`), in order. */
export function readFlags(argv: readonly string[], name: string): string[] {
  const values: string[] = [];
  argv.forEach((arg, i) => {
    if (arg === `--${name}`) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) values.push(next);
    } else if (arg.startsWith(`--${name}=`)) {
      values.push(arg.slice(name.length + 3));
    }
  });
  return values;
}

export function resolveCorpusFolder(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  bundledFolder: string,
  cwd: string = process.cwd(),
): string {
  const fromFlag = readFlag(argv, 'corpus');
  if (fromFlag !== null && fromFlag.trim() !== '') return resolve(cwd, fromFlag);
  const fromEnv = env[CORPUS_ENV];
  if (fromEnv !== undefined && fromEnv.trim() !== '') return resolve(cwd, fromEnv);
  return bundledFolder;
}
