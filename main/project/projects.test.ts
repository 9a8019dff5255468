import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Projects } from './projects';

const BUNDLED = resolve(__dirname, '../../resources/corpus');
const V2_FIXTURE = resolve(__dirname, 'testing/v2/Study.marginalia');
const GLOBAL = 'Global Coalition against Daesh/ISIS: statements 2015-2020';
let data: string;
const running: Projects[] = [];

beforeEach(async () => {
  data = await mkdtemp(join(tmpdir(), 'marginalia-data-'));
});
afterEach(async () => {
  for (const p of running.splice(0)) await p.close();
  await rm(data, { recursive: true, force: true });
});

async function host(choice: { open?: string; corpusFolder?: string } = {}, dialogs?: ConstructorParameters<typeof Projects>[0]['dialogs']) {
  const projects = new Projects({ dataFolder: data, bundledCorpusFolder: BUNDLED, dialogs });
  running.push(projects);
  await projects.start(choice);
  return projects;
}
async function stop(projects: Projects) {
  await projects.close();
  running.splice(running.indexOf(projects), 1);
}

const appendCode = (projects: Projects, id: string, n: number) =>
  projects.append({
    projectId: projects.state().project!.id,
    client: 'client-test',
    changes: [{ n, kind: 'patch', label: 'Add', patch: { codes: { [id]: { id, name: id } } } }],
  });

describe('the projects of a host', () => {
  it('starts a new project over the bundled corpus in <data>/projects, and the same one after a restart', async () => {
    const first = await host();
    const { project } = first.state();
    expect(project).toMatchObject({ fresh: true, seq: 0, corpus: { kind: 'bundled' }, readOnly: null });
    expect(project!.path.startsWith(join(data, 'projects'))).toBe(true);
    // What the Save as and Open dialogs name: the folder the projects are in, not the data folder.
    expect(first.state()).toMatchObject({ nativeDialogs: false, projectsFolder: join(data, 'projects') });
    expect((await first.corpus?.loaded)?.listing.documents.length).toBe(5);
    await appendCode(first, 'c1', 1);
    await stop(first);
    const second = await host();
    expect(second.state().project).toMatchObject({ id: project!.id, seq: 1, fresh: false });
  });

  it('opens the most recent project over a corpus folder given at start, or makes one', async () => {
    const folder = join(data, 'my documents');
    await mkdir(folder);
    await writeFile(join(folder, 'one.txt'), 'One text.');
    const mine = await host({ corpusFolder: folder });
    expect(mine.state().project).toMatchObject({ name: 'my documents', corpus: { kind: 'folder', path: folder } });
    expect((await mine.corpus?.loaded)?.listing.documents.map((d) => d.id)).toEqual(['one']);
    const id = mine.state().project!.id;
    await stop(mine);
    expect((await host()).state().project!.id).toBe(id); // the most recent
  });

  it('makes, opens, saves as and lists projects; a second process gets them read-only', async () => {
    const projects = await host();
    const firstId = projects.state().project!.id;
    const made = await projects.newProject({ name: 'Interviews', corpus: { kind: 'none' } });
    expect(made).toMatchObject({ name: 'Interviews', fresh: true, corpus: { kind: 'none' } });
    expect((await projects.corpus?.loaded)?.listing.documents).toEqual([]);
    await appendCode(projects, 'c1', 1);
    const copy = await projects.saveProjectAs('Interviews (copy)');
    expect(copy).toMatchObject({ name: 'Interviews (copy)', seq: 0 });
    expect(copy!.id).not.toBe(made!.id);
    const list = await projects.list();
    expect(list.recent.map((p) => p.name)).toEqual(['Interviews (copy)', 'Interviews', GLOBAL]);
    expect(list.available.map((p) => p.name).sort()).toEqual([GLOBAL, 'Interviews', 'Interviews (copy)']);
    await expect(projects.newProject({ name: 'Interviews', corpus: { kind: 'none' } })).rejects.toThrow(/already exists/);
    const reopened = await projects.openProject(made!.path);
    expect(reopened).toMatchObject({ id: made!.id, seq: 1 });
    expect((await projects.content(made!.id)).tables.codes).toEqual([{ id: 'c1', name: 'c1' }]);
    await expect(projects.openProject('/etc')).rejects.toThrow(/not among the projects/);
    expect((await readdir(join(data, 'projects'))).sort()).toEqual([
      'Global Coalition against Daesh-ISIS- statements 2015-2020.marginalia',
      'Interviews (copy).marginalia',
      'Interviews.marginalia',
    ]);

    const other = new Projects({ dataFolder: data, bundledCorpusFolder: BUNDLED, fileOptions: { lock: { me: { pid: 999_999_999, host: 'elsewhere' } } } });
    running.push(other);
    await other.start({ open: made!.path });
    expect(other.state().project?.readOnly).toMatch(/Another Marginalia.*read-only/);
    expect(firstId).not.toBe(made!.id);
  });

  it('writes changes of a project that is no longer open to its own folder', async () => {
    const projects = await host();
    const first = projects.state().project!;
    await projects.newProject({ name: 'Second', corpus: { kind: 'bundled' } });
    await projects.append({ projectId: first.id, client: 'client-late', changes: [{ n: 1, kind: 'settings', settings: { coder: 'ada' } }] });
    await projects.openProject(first.path);
    expect(await projects.content(first.id)).toMatchObject({ seq: 1, settings: { coder: 'ada' } });
    await expect(projects.append({ projectId: 'unknown-project', client: 'client-late', changes: [{ n: 2, kind: 'settings', settings: {} }] })).rejects.toThrow(
      /does not know/,
    );
  });

  it('in Electron asks native dialogs where to make and what to open', async () => {
    const place = join(data, 'elsewhere', 'Chosen');
    await mkdir(join(data, 'elsewhere'));
    const projects = await host({}, {
      chooseProjectLocation: async () => place,
      chooseProjectToOpen: async () => null,
      chooseDocumentsFolder: async () => '/some/folder',
    });
    expect(projects.state()).toMatchObject({ nativeDialogs: true, projectsFolder: null });
    expect(await projects.newProject({ name: 'X', corpus: { kind: 'bundled' } })).toMatchObject({ path: `${place}.marginalia` });
    expect(await projects.openProject(undefined)).toBeNull();
    expect(await projects.chooseDocumentsFolder()).toEqual({ path: '/some/folder' });
  });

  it('starts on the project named at start (a double-clicked .marginalia, --open) rather than the most recent', async () => {
    const projects = await host();
    const first = projects.state().project!;
    await projects.newProject({ name: 'Later', corpus: { kind: 'none' } });
    await stop(projects);
    expect((await host({ open: first.path })).state().project).toMatchObject({ id: first.id, notices: [] });
  });

  it('gives every project it makes or opens for writing an entry file, and none to a project another process has', async () => {
    const entries = async (folder: string) => (await readdir(folder)).filter((f) => f.endsWith('.marginalia-project'));
    const projects = await host();
    const first = projects.state().project!;
    expect(await entries(first.path)).toEqual(['Global Coalition against Daesh-ISIS- statements 2015-2020.marginalia-project']);
    const made = (await projects.newProject({ name: 'Interviews', corpus: { kind: 'none' } }))!;
    expect(await entries(made.path)).toEqual(['Interviews.marginalia-project']);
    const copy = (await projects.saveProjectAs('Interviews B'))!;
    expect(await entries(copy.path)).toEqual(['Interviews B.marginalia-project']);
    const recovered = (await projects.newProject({ name: 'Interviews (recovered 2026-12-02)', corpus: { kind: 'none' }, inDataFolder: true }))!;
    expect(await entries(recovered.path)).toEqual(['Interviews (recovered 2026-12-02).marginalia-project']);

    // A folder made before entry files gets one when it is opened for writing.
    const older = join(data, 'elsewhere', 'Study.marginalia');
    await cp(V2_FIXTURE, older, { recursive: true });
    expect(await projects.openFromOs(older)).toMatchObject({ readOnly: null });
    expect(await entries(older)).toEqual(['Study.marginalia-project']);

    // Opened read-only (another process has it): nothing is written, and the OS hears of the folder only.
    await projects.openProject(made.path);
    await rm(join(made.path, 'Interviews.marginalia-project'));
    const told: Array<string | null> = [];
    const other = new Projects({
      dataFolder: data,
      bundledCorpusFolder: BUNDLED,
      fileOptions: { lock: { me: { pid: 999_999_999, host: 'elsewhere' } } },
      onOpened: (_folder, entry) => told.push(entry),
    });
    running.push(other);
    await other.start({ open: made.path });
    expect(other.state().project?.readOnly).toMatch(/read-only/);
    expect([await entries(made.path), told]).toEqual([[], [null]]);
  });

  it('opens a project by its entry file — named at start, handed over by the OS, chosen in a dialog or from the list — and tells the OS both', async () => {
    const opened: Array<[string, string | null]> = [];
    const first = new Projects({ dataFolder: data, bundledCorpusFolder: BUNDLED, onOpened: (folder, entry) => opened.push([folder, entry]) });
    running.push(first);
    await first.start();
    const home = first.state().project!;
    const made = (await first.newProject({ name: 'Field notes', corpus: { kind: 'none' } }))!;
    const entry = join(made.path, 'Field notes.marginalia-project');
    expect(opened.at(-1)).toEqual([made.path, entry]);
    await stop(first);

    expect((await host({ open: entry })).state().project).toMatchObject({ id: made.id, path: made.path, notices: [] });
    const projects = running.at(-1)!;
    expect(await projects.openFromOs(join(home.path, `${basename(home.path).replace(/\.marginalia$/, '')}.marginalia-project`))).toMatchObject({ id: home.id });
    expect(await projects.openProject(entry)).toMatchObject({ id: made.id });
    expect(await projects.openProject(join(home.path, 'project.json'))).toMatchObject({ id: home.id });
    await expect(projects.openProject(join(data, 'elsewhere.marginalia', 'x.marginalia-project'))).rejects.toThrow(/not among the projects/);
    await expect(projects.openFromOs(join(made.path, 'journal.jsonl'))).rejects.toThrow(/journal\.jsonl is not a Marginalia project/);
    expect(projects.state().project?.id).toBe(home.id);
    await stop(projects);

    const viaDialog = await host({}, {
      chooseProjectToOpen: async () => entry,
      chooseProjectLocation: async () => null,
      chooseDocumentsFolder: async () => null,
    });
    expect(await viaDialog.openProject(undefined)).toMatchObject({ id: made.id });
  });

  it('starts with the most recent project when what is named at start is no project, and says what to choose instead', async () => {
    const notes = join(data, 'notes.txt');
    await writeFile(notes, 'not a project');
    const projects = await host({ open: notes });
    expect(projects.state().project?.notices[0]).toMatch(/notes\.txt could not be opened: notes\.txt is not a Marginalia project: open the project's folder/);
    expect(await readdir(data)).not.toContain('lock');
  });

  it('starts on a project named at start that cannot be opened with the most recent one, and says why', async () => {
    const projects = await host({ open: join(data, 'missing.marginalia') });
    expect(projects.state().project?.notices[0]).toMatch(/missing\.marginalia could not be opened/);
  });
});
