/** Starts an extra Node host on a given corpus folder (the default one is started by playwright.config.ts). */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCorpus } from '../../main/corpus/loadCorpus';
import { OpenedFiles } from '../../main/openedFiles';
import { createWebHandlers, startWebServer, type RunningWebServer } from '../../main/web/server';

const here = dirname(fileURLToPath(import.meta.url));
export const RENDERER_DIR = resolve(here, '../../out/renderer');
export const FIXTURES = resolve(here, '../fixtures');
export const BUNDLED_CORPUS = resolve(here, '../../resources/corpus');

/**
 * `port` 0 picks a free one; reuse a port to keep the browser's origin (and its IndexedDB).
 * `open`: files the page is asked to import when it starts (like `npm run web -- --open f.qdpx`).
 */
export async function startHost(corpusDir: string, port = 0, options: { open?: string[] } = {}): Promise<RunningWebServer> {
  const corpus = await loadCorpus(corpusDir);
  const openedFiles = new OpenedFiles();
  openedFiles.add(options.open ?? []);
  return startWebServer({ rendererDir: RENDERER_DIR, handlers: createWebHandlers(corpus, openedFiles), port });
}
