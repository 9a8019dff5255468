/**
 * The codebook a fresh project starts with: the working groups of the Global Coalition
 * against Daesh, so analysts of the bundled corpus can start coding at once.
 */
import type { OpContext } from './context';
import type { Code } from './model';
import { PALETTE } from './palette';

const WORKING_GROUPS: ReadonlyArray<{ name: string; description: string }> = [
  { name: 'FTF', description: 'Foreign terrorist fighters: flows, returnees, border and travel measures.' },
  { name: 'Stabilization', description: 'Stabilization of liberated areas: services, demining, return of displaced people.' },
  { name: 'Counter-financing', description: 'Cutting off Daesh funding: oil, extortion, antiquities, financial networks.' },
  { name: 'Communications', description: 'Counter-messaging and Daesh propaganda, online and offline.' },
  { name: 'Political-military', description: 'Military campaign and the coordination of partners behind it.' },
];

export function defaultCodebook(ctx: OpContext): Code[] {
  return WORKING_GROUPS.map((group, i) => ({
    id: ctx.newId(),
    name: group.name,
    colour: PALETTE[i]!,
    description: group.description,
    parentId: null,
    shortcut: i + 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  }));
}
