/**
 * The start-up sync and a text the project folder lost: a fake main (keeping its texts by hash,
 * refusing a copy that does not hash) and a fake-IndexedDB database.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../common/contract';
import type { ProjectContent, ProjectInfo, ProjectState, UnavailableText } from '../../../common/projectApi';
import { UNAVAILABLE_FIELD } from '../../../common/projectDocuments';
import { sha256Hex } from '../../../common/text/sha256';
import type { MarginaliaDb } from '../../store/db';
import { readRecord, writeRecord } from '../../store/outbox';
import { freshDb, makeDocument } from '../../store/testFixtures';
import type { JournalSender } from './sender';
import { syncAtStart } from './startup';

const PROJECT = 'project-0001';
const INTERVIEW = 'Interview with a returnee, Mosul.\nA: After the café closed — «Da’esh» took the road.\n';
const SHA = sha256Hex(INTERVIEW);
const DOCUMENT = makeDocument('a', { title: 'Interview 1', sha256: SHA, text: INTERVIEW });
const LOST: UnavailableText = { documentId: 'a', title: 'Interview 1', sha256: SHA, problem: `documents/${SHA}.txt does not match its SHA-256 (it was changed or damaged)` };
const READ_ONLY = 'Another Marginalia (process 4242 on other-host) has this project open, so it was opened read-only: changes cannot be saved here.';

const dbs: MarginaliaDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function database(options: { seq?: number; documents?: (typeof DOCUMENT)[] } = {}): Promise<MarginaliaDb> {
  const db = freshDb(`startup-${Math.random()}`);
  dbs.push(db);
  await db.open();
  if (options.seq !== undefined) await writeRecord(db, { projectId: PROJECT, seq: options.seq });
  if (options.documents) await db.documents.bulkPut(options.documents);
  return db;
}

/** Main with one imported document at change `seq`, its text file whole or lost; `restored` records what the page sent. */
function fakeMain(options: { seq: number; lost: boolean; readOnly?: string }) {
  let lost = options.lost ? [LOST] : [];
  const calls: string[] = [];
  const info = (): ProjectInfo => ({
    id: PROJECT,
    name: 'Study',
    path: '/data/projects/Study.marginalia',
    seq: options.seq,
    fresh: false,
    corpus: { kind: 'none' },
    readOnly: options.readOnly ?? null,
    notices: lost.map((t) => `The imported document “${t.title}” is unavailable: ${t.problem}.`),
  });
  const state = (): ProjectState => ({ project: info(), nativeDialogs: false, projectsFolder: '/data/projects' });
  const unexpected = async (): Promise<never> => {
    throw new Error('not expected here');
  };
  const api = {
    getProjectState: async () => state(),
    unavailableTexts: async () => lost,
    restoreDocumentText: async ({ sha256, text }: ApiRequest<'restoreDocumentText'>) => {
      calls.push(`restore ${sha256 === SHA ? 'the interview' : sha256}`);
      if (options.readOnly) throw new Error(`${options.readOnly} The text was not written.`);
      if (sha256Hex(text) !== sha256) throw new Error('The text does not match the document’s SHA-256: it was not written.');
      lost = lost.filter((t) => t.sha256 !== sha256);
      return { written: true };
    },
    readProject: async (): Promise<ProjectContent> => {
      calls.push('read the project');
      const { text: _text, ...row } = DOCUMENT;
      const document = lost.length > 0 ? { ...row, [UNAVAILABLE_FIELD]: LOST.problem } : DOCUMENT;
      return { id: PROJECT, seq: options.seq, settings: null, tables: { codes: [], segments: [], memos: [], documents: [document], attributes: [], documentInfo: [], savedSearches: [] } };
    },
    appendJournal: unexpected,
    newProject: unexpected,
    openProject: unexpected,
  };
  const fileIsWhole = () => lost.length === 0;
  return { api, state, calls, fileIsWhole, putFileBack: () => (lost = []) };
}

const sender = { flush: async () => {}, kick: () => {} } as unknown as JournalSender;

async function start(main: ReturnType<typeof fakeMain>, db: MarginaliaDb) {
  return syncAtStart({ api: main.api, state: main.state(), db, target: { projectId: null, readOnly: null }, sender, seed: () => ({ codes: [], settings: { coder: 'ada' } }) });
}

describe('start-up and a text the project folder lost', () => {
  it('same change, the file’s text damaged, the database holds it: written back, the analyst told, nothing reloaded', async () => {
    const main = fakeMain({ seq: 4, lost: true });
    const db = await database({ seq: 4, documents: [DOCUMENT] });
    const { notices } = await start(main, db);
    expect(main.calls).toEqual(['restore the interview']);
    expect(main.fileIsWhole()).toBe(true);
    // Main no longer names it unavailable: only what was done is said.
    expect(notices).toEqual(['Restored the text of “Interview 1” from this window’s copy.']);
    expect(await db.documents.get('a')).toEqual(DOCUMENT);
    expect(await readRecord(db)).toEqual({ projectId: PROJECT, seq: 4 });
  });

  it('never sends a copy that is not the text its row names', async () => {
    const main = fakeMain({ seq: 4, lost: true });
    const db = await database({ seq: 4, documents: [{ ...DOCUMENT, text: INTERVIEW.replace('Mosul', 'Basra') }] });
    const { notices } = await start(main, db);
    expect(main.calls).toEqual([]);
    expect(notices).toEqual([expect.stringMatching(/^The imported document “Interview 1” is unavailable/)]);
  });

  it('writes nothing to a project open read-only, says so, and keeps the window’s copy when it loads the file', async () => {
    const main = fakeMain({ seq: 6, lost: true, readOnly: READ_ONLY });
    const db = await database({ seq: 4, documents: [DOCUMENT] });
    const { notices } = await start(main, db);
    expect(main.calls).toEqual(['read the project']);
    expect(main.fileIsWhole()).toBe(false);
    expect(notices).toEqual([
      expect.stringMatching(/^The imported document “Interview 1” is unavailable/),
      'The project file lost the text of “Interview 1”; this window still holds it, but the project is open read-only here, so it was not written back. Open the project where it can be saved to restore it.',
    ]);
    // Loaded from the file (it was newer), the document keeps this window's text.
    expect(await db.documents.get('a')).toEqual(DOCUMENT);
    expect(await readRecord(db)).toEqual({ projectId: PROJECT, seq: 6 });
  });

  it('a window with no copy loads the document without its text, and loads it whole once the file is back', async () => {
    const main = fakeMain({ seq: 4, lost: true });
    const db = await database();
    await start(main, db);
    expect(await db.documents.get('a')).toMatchObject({ id: 'a', [UNAVAILABLE_FIELD]: LOST.problem });
    expect(await db.documents.get('a')).not.toHaveProperty('text');

    main.putFileBack();
    main.calls.length = 0;
    const { notices } = await start(main, db);
    // Same change as the file, yet loaded again: the database lacked a text the file has now.
    expect(main.calls).toEqual(['read the project']);
    expect(await db.documents.get('a')).toEqual(DOCUMENT);
    expect(notices).toEqual([]);

    main.calls.length = 0;
    await start(main, db);
    expect(main.calls).toEqual([]);
  });
});
