/**
 * The renderer's project store against a real (fake-indexeddb) database: what it shows is
 * always what is stored — after actions, undo/redo, refusals and storage failures.
 */
import { describe, expect, it } from 'vitest';
import { createCode } from '../domain/codebook';
import { defaultCodebook } from '../domain/defaultCodebook';
import { defaultContext } from '../domain/context';
import { applyCode } from '../domain/segments';
import { openProject } from '../store/openProject';
import { freshIndexedDb } from '../store/testFixtures';
import { isDocumentReady, ProjectStore } from './projectStore';

const TEXT = 'The Small Group of the Global Coalition met in Brussels.';

async function setup() {
  const project = await openProject({ name: 'store-test', ...freshIndexedDb(), seed: () => defaultCodebook(defaultContext()) });
  const store = await ProjectStore.open(project, { coder: 'Ada' });
  await store.whenLoaded();
  return { project, store };
}

async function storedState(project: Awaited<ReturnType<typeof setup>>['project']) {
  const [codes, segments] = await Promise.all([project.repo.loadCodes(), project.repo.loadAllSegments()]);
  return { codes: codes.map((c) => c.name).sort(), segments: segments.map((s) => [s.quote, s.codings.length]) };
}

function shown(store: ProjectStore) {
  const s = store.getSnapshot();
  return { codes: s.codes.map((c) => c.name).sort(), segments: s.segments.all().map((x) => [x.quote, x.codings.length]) };
}

describe('ProjectStore', () => {
  it('starts with the default codebook and the coder from the defaults', async () => {
    const { store } = await setup();
    const s = store.getSnapshot();
    expect(s.codes.map((c) => c.name).sort()).toEqual(['Communications', 'Counter-financing', 'FTF', 'Political-military', 'Stabilization']);
    expect(s.settings.coder).toBe('Ada');
    expect(s.canUndo).toBe(false);
  });

  it('mirrors exactly what it stores, through actions, undo and redo', async () => {
    const { project, store } = await setup();
    const ftf = store.getSnapshot().codes.find((c) => c.name === 'FTF')!;
    const apply = () =>
      store.act((ctx) =>
        applyCode(store.getSnapshot().segments.all(), { documentId: 'd1', documentHash: 'h', text: TEXT, start: 4, end: 15 }, ftf.id, 'Ada', ctx, 'FTF').change,
      );
    expect(await apply()).not.toBeNull();
    expect(shown(store)).toEqual(await storedState(project));
    expect(store.getSnapshot().segments.all()[0]!.quote).toBe('Small Group');
    expect(store.getSnapshot().undoLabel).toBe('Apply code FTF');

    await store.undo();
    expect(store.getSnapshot().segments.all()).toEqual([]);
    expect(shown(store)).toEqual(await storedState(project));
    await store.redo();
    expect(store.getSnapshot().segments.size).toBe(1);
    expect(shown(store)).toEqual(await storedState(project));
  });

  it('shows a refusal as a message and stores nothing', async () => {
    const { project, store } = await setup();
    const before = await storedState(project);
    const result = await store.act((ctx) => createCode(store.getSnapshot().codes, { name: ' ftf ' }, ctx).change);
    expect(result).toBeNull();
    expect(store.getSnapshot().error).toMatch(/already exists/);
    expect(await storedState(project)).toEqual(before);
    store.dismissError();
    expect(store.getSnapshot().error).toBeNull();
  });

  it('keeps the shown state when storage fails, and says why', async () => {
    const { project, store } = await setup();
    const before = shown(store);
    project.db.close();
    const result = await store.act((ctx) => createCode(store.getSnapshot().codes, { name: 'Returnees' }, ctx).change);
    expect(result).toBeNull();
    expect(store.getSnapshot().error).toMatch(/not saved|closed/i);
    expect(shown(store)).toEqual(before);
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it('opens before the segments are read, and actions wait for them', async () => {
    const first = await setup();
    const ftf = first.store.getSnapshot().codes.find((c) => c.name === 'FTF')!;
    await first.store.act((ctx) =>
      applyCode([], { documentId: 'd1', documentHash: 'h', text: TEXT, start: 4, end: 15 }, ftf.id, 'Ada', ctx, 'FTF').change,
    );
    // Hold the segment read back, as a large project's would be.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const repo = Object.create(first.project.repo) as typeof first.project.repo;
    repo.loadAllSegments = () => gate.then(() => first.project.repo.loadAllSegments());
    const reopened = await ProjectStore.open({ ...first.project, repo }, { coder: 'Ada' });
    expect(reopened.getSnapshot().segmentsLoaded).toBe(false);
    expect(reopened.getSnapshot().codes.length).toBe(5);
    let acted = false;
    const pending = reopened
      .act((ctx) => createCode(reopened.getSnapshot().codes, { name: 'Returnees' }, ctx).change)
      .then(() => (acted = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(acted).toBe(false);
    release();
    await pending;
    await reopened.whenLoaded();
    expect(reopened.getSnapshot().segmentsLoaded).toBe(true);
    expect(reopened.getSnapshot().segments.all().map((s) => s.quote)).toEqual(['Small Group']);
  });

  it('reads the open document ahead: it is coded before all segments are read, and the full read loses nothing done meanwhile', async () => {
    const first = await setup();
    const ftf = first.store.getSnapshot().codes.find((c) => c.name === 'FTF')!;
    const code = (store: ProjectStore, documentId: string, start: number, end: number) =>
      store.act(
        (ctx) =>
          applyCode(store.getSnapshot().segments.inDocument(documentId), { documentId, documentHash: 'h', text: TEXT, start, end }, ftf.id, 'Ada', ctx, 'FTF').change,
        { documentId },
      );
    await code(first.store, 'd1', 4, 15);
    await code(first.store, 'd2', 23, 39);
    // The full read takes its rows now but hands them over only later, as a large project's
    // would: changes stored meanwhile are not in them.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const repo = Object.create(first.project.repo) as typeof first.project.repo;
    repo.loadAllSegments = async () => {
      const rows = await first.project.repo.loadAllSegments();
      await gate;
      return rows;
    };
    const store = await ProjectStore.open({ ...first.project, repo }, { coder: 'Ada' });
    const all = store.loadSegments();
    await store.loadDocumentSegments('d1');
    expect(isDocumentReady(store.getSnapshot(), 'd1')).toBe(true);
    expect(isDocumentReady(store.getSnapshot(), 'd2')).toBe(false);
    expect(store.getSnapshot().segments.inDocument('d1').map((s) => s.quote)).toEqual(['Small Group']);

    expect(await code(store, 'd1', 30, 39)).not.toBeNull(); // does not wait for the full read
    expect(store.getSnapshot().segmentsLoaded).toBe(false);
    let wholeProject = false;
    const created = store.act((ctx) => createCode(store.getSnapshot().codes, { name: 'Returnees' }, ctx).change).then(() => (wholeProject = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(wholeProject).toBe(false); // an action on the whole project waits

    release();
    await all;
    await created;
    const s = store.getSnapshot();
    expect(s.segmentsLoaded).toBe(true);
    expect(s.segments.inDocument('d1').map((x) => x.quote)).toEqual(['Small Group', 'Coalition']);
    expect(s.segments.inDocument('d2').map((x) => x.quote)).toEqual(['Global Coalition']);
    expect(s.segments.codeCounts.get(ftf.id)).toBe(3);
    const stored = await storedState(first.project);
    expect(shown(store).segments.sort()).toEqual(stored.segments.sort());
    expect(shown(store).codes).toEqual(stored.codes);

    // Undo (the new code, then the coding made ahead of the full read) is mirrored too.
    await store.undo();
    await store.undo();
    expect(store.getSnapshot().codes.some((c) => c.name === 'Returnees')).toBe(false);
    expect(store.getSnapshot().segments.inDocument('d1').map((x) => x.quote)).toEqual(['Small Group']);
  });

  it('does not double a segment coded ahead when the full read already holds it', async () => {
    const first = await setup();
    const ftf = first.store.getSnapshot().codes.find((c) => c.name === 'FTF')!;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const repo = Object.create(first.project.repo) as typeof first.project.repo;
    // This read takes its rows only after the coding below is stored.
    repo.loadAllSegments = async () => {
      await gate;
      return first.project.repo.loadAllSegments();
    };
    const store = await ProjectStore.open({ ...first.project, repo }, { coder: 'Ada' });
    const all = store.loadSegments();
    await store.loadDocumentSegments('d1');
    await store.act(
      (ctx) => applyCode(store.getSnapshot().segments.inDocument('d1'), { documentId: 'd1', documentHash: 'h', text: TEXT, start: 4, end: 15 }, ftf.id, 'Ada', ctx, 'FTF').change,
      { documentId: 'd1' },
    );
    release();
    await all;
    expect(store.getSnapshot().segments.inDocument('d1').map((x) => x.quote)).toEqual(['Small Group']);
    expect(store.getSnapshot().segments.size).toBe(1);
    expect(store.getSnapshot().segments.codeCounts.get(ftf.id)).toBe(1);
  });

  it('saves settings', async () => {
    const { project, store } = await setup();
    await store.saveSettings({ coder: 'Grace' });
    expect(store.getSnapshot().settings.coder).toBe('Grace');
    expect((await project.repo.getSettings({ coder: 'x' })).coder).toBe('Grace');
  });
});
