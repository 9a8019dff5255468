/**
 * A colleague's .qdpx that carries a project memo: merged into a project without one, it becomes
 * the project memo and the summary names it; a project that has its own keeps it and says so.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentMemo } from '../../domain/model';
import { PROJECT_MEMO_KEY } from '../../domain/projectMemo';
import type { Additions } from '../../formats/format';
import { sampleProject } from '../../formats/fixtures/sampleProject';
import { exportQdpx } from '../../formats/refiQda/exportQdpx';
import { importQdpx } from '../../formats/refiQda/importQdpx';
import { planAdditions, type ImportTarget } from './importPlans';

const NOW = '2026-02-01T09:00:00.000Z';
const theirs: DocumentMemo = { documentId: PROJECT_MEMO_KEY, text: 'Bob: coded the 2019 texts only', updatedAt: NOW };
const target = (memos: DocumentMemo[]): ImportTarget => ({ codes: [], segments: [], memos, importedDocuments: [], settings: { coder: 'ada' } });
let imported: Additions;

beforeAll(async () => {
  const data = await sampleProject();
  const file = exportQdpx({ ...data, segments: [], memos: [theirs] }, { now: NOW, userName: 'bob' });
  imported = await importQdpx(file, { now: NOW });
});

describe('importing a project memo', () => {
  it('becomes the project memo of a project that has none, named as such in the summary', () => {
    const plan = planAdditions(target([]), imported, [], { now: NOW, fileName: 'bob.qdpx' });
    expect(plan.change.forward.memos[PROJECT_MEMO_KEY]).toEqual(theirs);
    expect(plan.summary).toContain('1 project memo');
    expect(plan.summary).not.toContain('document memo');
  });

  it('leaves a project’s own memo as it is, and says so', () => {
    const ours = { ...theirs, text: 'Ada: research questions' };
    const plan = planAdditions(target([ours]), imported, [], { now: NOW, fileName: 'bob.qdpx' });
    expect(plan.change.forward.memos[PROJECT_MEMO_KEY]).toBeUndefined();
    expect(plan.notes).toContain('The project memo differs from the backup; kept the current one.');
  });
});
