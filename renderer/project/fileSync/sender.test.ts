import { afterEach, describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../common/contract';
import type { AppendRequest, AppendResult } from '../../../common/projectApi';
import { emptyPatch } from '../../domain/change';
import type { MarginaliaDb } from '../../store/db';
import { journalingRepository, readOutbox, readRecord, writeRecord } from '../../store/outbox';
import { createDexieRepository } from '../../store/repository';
import { freshDb, makeCode } from '../../store/testFixtures';
import { JournalSender } from './sender';
import { RemoteChanges } from './remoteChanges';

const dbs: MarginaliaDb[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

async function setUp() {
  const db = freshDb(`sender-${Math.random()}`);
  dbs.push(db);
  await db.open();
  await writeRecord(db, { projectId: 'project-1', seq: 0 });
  const requests: AppendRequest[] = [];
  let release: (() => void) | null = null;
  let seq = 0;
  const api = {
    appendJournal: async (sent: ApiRequest<'appendJournal'>): Promise<AppendResult> => {
      const request = sent as AppendRequest;
      requests.push(request);
      if (requests.length === 1) await new Promise<void>((done) => (release = done));
      return { seqs: request.changes.map(() => ++seq), seq };
    },
  };
  const sender = new JournalSender({ db, api, client: 'client-test', lock: (task) => task(), retryMs: [1] });
  const repo = journalingRepository(createDexieRepository(db), db, { projectId: 'project-1', readOnly: null }, () => sender.kick());
  const code = (id: string) => {
    const patch = emptyPatch();
    patch.codes[id] = makeCode(id);
    return repo.applyPatch(patch, `Add ${id}`);
  };
  return { db, sender, requests, code, releaseFirst: () => release?.() };
}

describe('the journal sender', () => {
  it('never holds up a change: it sends one request at a time, and what gathers meanwhile goes together', async () => {
    const { db, sender, requests, code, releaseFirst } = await setUp();
    await code('c1'); // stored at once, although its request is still on its way
    await expect.poll(() => requests.length).toBe(1);
    expect(sender.getStatus()).toEqual({ kind: 'saving' });
    await code('c2');
    await code('c3');
    expect(requests).toHaveLength(1);
    releaseFirst();
    await sender.flush();
    expect(requests.map((r) => r.changes.map((c) => c.n))).toEqual([[1], [2, 3]]);
    expect(requests[1]!.changes[0]).toMatchObject({ kind: 'patch', label: 'Add c2', patch: { codes: { c2: { id: 'c2' } } } });
    expect(Object.keys((requests[1]!.changes[0] as { patch: object }).patch)).toEqual(['codes']); // empty tables left out
    expect([await readOutbox(db, 10), await readRecord(db), sender.getStatus()]).toEqual([[], { projectId: 'project-1', seq: 3 }, { kind: 'saved' }]);
  });

  it('says why a change is not saved, keeps it, and sends it once it can', async () => {
    const { db } = await setUp();
    let fail = true;
    const sender = new JournalSender({
      db,
      api: { appendJournal: async (r) => (fail ? Promise.reject(new Error('The disk is full')) : { seqs: r.changes.map((_, i) => i + 1), seq: r.changes.length }) },
      client: 'client-test',
      lock: (task) => task(),
      retryMs: [5],
    });
    await db.outbox.add({ projectId: 'project-1', change: { kind: 'settings', settings: { coder: 'ada' } } });
    await expect(sender.flush()).rejects.toThrow('The disk is full');
    expect(sender.getStatus()).toEqual({ kind: 'failed', message: 'The disk is full' });
    expect(await readOutbox(db, 10)).toHaveLength(1);
    fail = false;
    await expect.poll(() => sender.getStatus()).toEqual({ kind: 'saved' });
    expect(await readOutbox(db, 10)).toEqual([]);
    sender.stop();
  });
});

describe('remote changes', () => {
  it('refuse reversing a patch whose rows another window wrote after it, and only those', () => {
    const remote = new RemoteChanges();
    const mine = { forward: { ...emptyPatch(), codes: { c1: makeCode('c1') } }, backward: { ...emptyPatch(), codes: { c1: null } } };
    const before = { ...emptyPatch(), codes: { c9: makeCode('c9') } };
    remote.arrived(before);
    remote.stored(mine.forward);
    expect(remote.overwritesOthers(mine.forward, mine.backward)).toBe(false);
    remote.arrived({ ...emptyPatch(), codes: { c2: makeCode('c2') } });
    expect(remote.overwritesOthers(mine.forward, mine.backward)).toBe(false);
    remote.arrived({ ...emptyPatch(), codes: { c1: makeCode('c1', { name: 'Renamed elsewhere' }) } });
    expect(remote.overwritesOthers(mine.forward, mine.backward)).toBe(true);
  });
});
