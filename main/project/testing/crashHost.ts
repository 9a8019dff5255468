/**
 * The Node host as the crash test runs it in a child process (main/project/crash.test.ts): the
 * same Projects, handlers and server as main/web/cli.ts, over a given data folder and a stand-in
 * page (the unit tests run before the renderer is built), compacting early so that kills also
 * land during compactions. It stops by itself after a minute.
 *   tsx main/project/testing/crashHost.ts <data folder> <renderer folder> <compact after N changes>
 */
import { resolve } from 'node:path';
import { Projects } from '../projects';
import { createWebHandlers, startWebServer } from '../../web/server';

const [data, renderer, compactAfter] = process.argv.slice(2);
setTimeout(() => process.exit(3), 60_000);

const projects = new Projects({
  dataFolder: data!,
  bundledCorpusFolder: resolve(import.meta.dirname, '../../../resources/corpus'),
  fileOptions: { compaction: { entries: Number(compactAfter ?? 2_000), idleMs: 20 } },
});
await projects.start();
const server = await startWebServer({ rendererDir: renderer!, handlers: createWebHandlers(projects.corpus!, undefined, projects), port: 0 });
process.stdout.write(`listening ${server.url} ${projects.state().project!.id}\n`);
