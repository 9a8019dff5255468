/**
 * `npm run web` / `tsx main/web/cli.ts [--port 5180] [--data <dir>] [--corpus <dir>] [--open <file>]…`:
 * opens the project (a .marginalia folder in the data folder, or the one --open names — its folder
 * or the .marginalia-project file inside it; a new one over --corpus or the bundled corpus when
 * there is none), then serves the built renderer and the API on http://127.0.0.1:PORT/. The page offers to import each --open .qdpx when it starts,
 * as the desktop app does for a double-clicked one. `--no-project-file` keeps the project only in
 * the browser's database, as before project files (the end-to-end specs that each want a fresh
 * project per browser run so).
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CorpusLoad } from '../corpus/corpusLoad';
import { readFlag, readFlags, resolveCorpusFolder } from '../corpus/location';
import { OpenedFiles, openedKind } from '../openedFiles';
import { defaultDataFolder } from '../project/dataFolder';
import { Projects } from '../project/projects';
import { DEFAULT_PORT, createWebHandlers, startWebServer } from './server';
import { errorMessage } from '../../common/errorMessage';

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
    console.log(
      'Usage: tsx main/web/cli.ts [--port 5180] [--data <folder>] [--corpus <folder>] [--open <Study.marginalia | Study.marginalia/Study.marginalia-project | file.qdpx>]… [--no-project-file]\n' +
        `  --data: where projects and the recent list live (default ${defaultDataFolder()}); env MARGINALIA_CORPUS also sets the corpus`,
    );
    return;
  }
  const port = parsePort(argv);
  const rendererDir = join(REPO_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) {
    console.error(`${join(rendererDir, 'index.html')} is missing: run npm run build first.`);
    process.exitCode = 1;
    return;
  }
  const bundledCorpus = join(REPO_ROOT, 'resources', 'corpus');
  const corpusFolder = resolveCorpusFolder(argv, process.env, bundledCorpus);
  const opened = readFlags(argv, 'open').map((file) => resolve(file));
  const openedFiles = new OpenedFiles();
  openedFiles.add(opened);

  // The corpus's documents are read once the server listens: converting would hold up its start.
  let serving: () => void = () => undefined;
  const listening = new Promise<void>((resolvePromise) => (serving = resolvePromise));
  let projects: Projects | undefined;
  if (!argv.includes('--no-project-file')) {
    const dataFolder = resolve(readFlag(argv, 'data') ?? defaultDataFolder());
    projects = new Projects({ dataFolder, bundledCorpusFolder: bundledCorpus, readCorpusAfter: listening });
    await projects.start({
      // Whatever is not a .qdpx names a project: one that is none opens the most recent project and says why.
      open: opened.findLast((path) => openedKind(path) !== 'import') ?? null,
      corpusFolder: corpusFolder === bundledCorpus ? null : corpusFolder,
    });
    const { project } = projects.state();
    console.log(`Project "${project?.name}" (${project?.path})${project?.readOnly ? ' — read-only: ' + project.readOnly : ''}`);
    for (const notice of project?.notices ?? []) console.warn(`  ${notice}`);
  }
  // The server answers while the corpus is read: the page shows how far the reading is.
  const corpus = projects?.corpus ?? CorpusLoad.start(corpusFolder, { readAfter: listening });
  const server = await startWebServer({ rendererDir, handlers: createWebHandlers(corpus, openedFiles, projects), port });
  console.log(`Marginalia is running at ${server.url}`);
  serving();
  corpus.loaded.then(
    ({ listing }) => {
      console.log(`Corpus "${listing.name}": ${listing.documents.length} document(s) from ${listing.folder}`);
      for (const issue of listing.issues) console.warn(`  corpus issue: ${issue.file}: ${issue.message}`);
    },
    (error: unknown) => console.error(`The corpus could not be loaded: ${errorMessage(error)}`),
  );
  const stop = () => {
    server
      .close()
      .then(() => projects?.close())
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

// Run only when executed (tsx main/web/cli.ts), not when a test imports parsePort.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    console.error(code === 'EADDRINUSE' ? 'That port is already in use: pass --port <another>.' : errorMessage(error));
    process.exitCode = 1;
  });
}
