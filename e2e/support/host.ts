/** Starts an extra Node host on a given corpus folder (the default one is started by playwright.config.ts). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../main/corpus/loadCorpus';
import { OpenedFiles, openedKind } from '../../main/openedFiles';
import { Projects } from '../../main/project/projects';
import { createWebHandlers, startWebServer, type RunningWebServer } from '../../main/web/server';

const here = dirname(fileURLToPath(import.meta.url));
export const RENDERER_DIR = resolve(here, '../../out/renderer');
export const FIXTURES = resolve(here, '../fixtures');
export const BUNDLED_CORPUS = resolve(here, '../../resources/corpus');

/**
 * `port` 0 picks a free one; reuse a port to keep the browser's origin (and its IndexedDB).
 * `open`: files the page is asked to import when it starts (like `npm run web -- --open f.qdpx`),
 * or a .marginalia project to open. `data`: keep project files in this data folder (`--data`);
 * without it the host keeps none (`--no-project-file`), as the default e2e host.
 */
export async function startHost(corpusDir: string, port = 0, options: { open?: string[]; data?: string } = {}): Promise<RunningWebServer> {
  const openedFiles = new OpenedFiles();
  openedFiles.add(options.open ?? []);
  let projects: Projects | undefined;
  if (options.data) {
    projects = new Projects({ dataFolder: options.data, bundledCorpusFolder: BUNDLED_CORPUS });
    await projects.start({
      open: options.open?.findLast((path) => openedKind(path) === 'project') ?? null,
      corpusFolder: corpusDir === BUNDLED_CORPUS ? null : corpusDir,
    });
  }
  const corpus = projects?.corpus ?? (await loadCorpus(corpusDir));
  const server = await startWebServer({ rendererDir: RENDERER_DIR, handlers: createWebHandlers(corpus, openedFiles, projects), port });
  return { ...server, close: () => server.close().then(() => projects?.close()) };
}
