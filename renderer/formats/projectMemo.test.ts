/**
 * The project memo travels with the project: a backup (memos, under its key, restored by replace
 * and merged into a project without one) and a .qdpx (the <Project>'s Description and NoteRef
 * to a Note, valid against Project.xsd, read back as the project memo).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMemo } from '../domain/model';
import { PROJECT_MEMO_KEY, projectMemoOf } from '../domain/projectMemo';
import { exportBackup, parseBackup } from './backup/backup';
import { planRestore } from './backup/restore';
import { sampleProject } from './fixtures/sampleProject';
import { xmllintValidate } from './fixtures/xmlSchema';
import type { ProjectData } from './projectData';
import { exportQdpx } from './refiQda/exportQdpx';
import { guidFor } from './refiQda/guid';
import { importQdpx } from './refiQda/importQdpx';

const NOW = '2026-02-01T09:00:00.000Z';
const projectMemo: DocumentMemo = {
  documentId: PROJECT_MEMO_KEY,
  text: 'Research question: how do the statements frame "returnees"?\nDecision: code framing before actors.',
  updatedAt: '2026-01-15T08:30:00.000Z',
};
let data: ProjectData;
beforeAll(async () => {
  const sample = await sampleProject();
  data = { ...sample, memos: [...sample.memos, projectMemo] };
});

describe('the project memo in a backup', () => {
  it('is written with the memos, read back, and restored by replace', () => {
    const parsed = parseBackup(exportBackup(data, NOW));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(projectMemoOf(parsed.backup.memos)).toEqual(projectMemo);
    const plan = planRestore({ codes: [], segments: [], memos: [] }, parsed.backup, 'replace');
    expect(plan.change.forward.memos[PROJECT_MEMO_KEY]).toEqual(projectMemo);
    // Undoing the restore takes it away again.
    expect(plan.change.backward.memos[PROJECT_MEMO_KEY]).toBeNull();
  });

  it('merges into a project that has none, and never overwrites one that has its own', () => {
    const parsed = parseBackup(exportBackup(data, NOW));
    if (!parsed.ok) throw new Error(parsed.message);
    const without = planRestore({ codes: data.codes, segments: data.segments, memos: [] }, parsed.backup, 'merge');
    expect(without.change.forward.memos[PROJECT_MEMO_KEY]).toEqual(projectMemo);
    const own = { ...projectMemo, text: 'Our own notes' };
    const withOwn = planRestore({ codes: data.codes, segments: data.segments, memos: [own] }, parsed.backup, 'merge');
    expect(withOwn.change.forward.memos[PROJECT_MEMO_KEY]).toBeUndefined();
    expect(withOwn.report.conflicts).toContain('The project memo differs from the backup; kept the current one.');
  });

  it('still refuses a memo of a document the backup does not have', () => {
    const json = JSON.parse(exportBackup(data, NOW)) as { memos: DocumentMemo[] };
    json.memos.push({ documentId: 'missing-doc', text: 'x', updatedAt: NOW });
    const parsed = parseBackup(JSON.stringify(json));
    expect(parsed.ok).toBe(false);
  });
});

describe('the project memo in a .qdpx', () => {
  const options = { now: NOW, userName: 'Amal', projectName: 'Coalition study' };

  it('is the <Project>’s Description and a NoteRef to its Note, in the schema’s order', () => {
    const xml = strFromU8(unzipSync(exportQdpx(data, options))['project.qde']!);
    const check = xmllintValidate(xml, 'Project.xsd', 'project.qde');
    expect(check.ok, check.output).toBe(true);
    const guid = guidFor('project-memo', 'project');
    expect(xml).toMatch(new RegExp(`<Note guid="${guid}" name="Project memo"[^>]*>\\s*<PlainTextContent>Research question`));
    expect(xml).toMatch(new RegExp(`</Notes>\\s*<Description>Research question[\\s\\S]*?</Description>\\s*<NoteRef targetGUID="${guid}"/>\\s*</Project>`));
  });

  it('imports back as the project memo, once, with its date', async () => {
    const back = await importQdpx(exportQdpx(data, options), { now: NOW });
    expect(back.memos.filter((m) => m.documentId === PROJECT_MEMO_KEY)).toEqual([projectMemo]);
    expect(back.report.join('\n')).not.toMatch(/project as a whole/);
  });

  it('reads a project Description another tool wrote without a note', async () => {
    const bytes = unzipSync(exportQdpx({ ...data, memos: data.memos.filter((m) => m.documentId !== PROJECT_MEMO_KEY) }, options));
    const xml = strFromU8(bytes['project.qde']!).replace('</Project>', '<Description>Written in QualCoder</Description></Project>');
    const back = await importQdpx(zipSync({ ...bytes, 'project.qde': strToU8(xml) }), { now: NOW });
    expect(projectMemoOf(back.memos)?.text).toBe('Written in QualCoder');
  });
});
