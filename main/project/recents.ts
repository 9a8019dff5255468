/**
 * The list of recently opened projects (recent-projects.json in the data folder), most recent
 * first. A file that cannot be read is an empty list: it only helps to find projects again.
 */
import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { RecentProjectSchema } from '../../common/projectApi';
import type { RecentProject } from '../../common/projectApi';
import { writeDurably } from './snapshot';

export const RECENTS_FILE = 'recent-projects.json';
export const MAX_RECENTS = 10;

const RecentsFileSchema = z.object({ version: z.literal(1), projects: z.array(RecentProjectSchema) });

export async function readRecents(dataFolder: string): Promise<RecentProject[]> {
  try {
    const parsed = RecentsFileSchema.safeParse(JSON.parse(await readFile(join(dataFolder, RECENTS_FILE), 'utf8')));
    return parsed.success ? parsed.data.projects : [];
  } catch {
    return [];
  }
}

/** Puts the project first (by path; a project saved elsewhere under the same id stays a separate entry). */
export async function rememberRecent(dataFolder: string, project: RecentProject): Promise<RecentProject[]> {
  const list = [project, ...(await readRecents(dataFolder)).filter((p) => p.path !== project.path)].slice(0, MAX_RECENTS);
  const path = join(dataFolder, RECENTS_FILE);
  const temp = `${path}.${process.pid}.tmp`;
  await writeDurably(temp, `${JSON.stringify({ version: 1, projects: list }, null, 2)}\n`);
  await rename(temp, path);
  return list;
}
