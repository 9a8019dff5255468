/**
 * `npm run web` / `tsx main/web/cli.ts [--port 5180] [--corpus <dir>] [--open <file.qdpx>]…`:
 * loads the corpus once, then serves the built renderer and the API on http://127.0.0.1:PORT/;
 * the page offers to import each --open file when it starts, as the desktop app does for a
 * double-clicked one.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../corpus/loadCorpus';
import { readFlag, readFlags, resolveCorpusFolder } from '../corpus/location';
import { OpenedFiles } from '../openedFiles';
import { DEFAULT_PORT, createWebHandlers, startWebServer } from './server';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function parsePort(argv: readonly string[]): number {
  const raw = readFlag(argv, 'port');
  if (raw === null) return DEFAULT_PORT;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('Usage: tsx main/web/cli.ts [--port 5180] [--corpus <folder>] [--open <file.qdpx>]…   (env MARGINALIA_CORPUS also sets the corpus)');
    return;
  }
  const port = parsePort(argv);
  const rendererDir = join(REPO_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`${join(rendererDir, 'index.html')} is missing: run npm run build first.`);
    process.exitCode = 1;
    return;
  }
  const corpusFolder = resolveCorpusFolder(argv, process.env, join(REPO_ROOT, 'resources', 'corpus'));
  const corpus = await loadCorpus(corpusFolder);
  console.log(`Corpus "${corpus.listing.name}": ${corpus.listing.documents.length} document(s) from ${corpus.listing.folder}`);
  for (const issue of corpus.listing.issues) console.warn(`  corpus issue: ${issue.file}: ${issue.message}`);

  const openedFiles = new OpenedFiles();
  openedFiles.add(readFlags(argv, 'open').map((file) => resolve(file)));
  const server = await startWebServer({ rendererDir, handlers: createWebHandlers(corpus, openedFiles), port });
  console.log(`Marginalia is running at ${server.url}`);
  const stop = () => {
    server.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only when executed (tsx main/web/cli.ts), not when a test imports parsePort.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    console.error(code === 'EADDRINUSE' ? 'That port is already in use: pass --port <another>.' : error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  });
}
