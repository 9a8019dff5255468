/**
 * A backup is read and checked in a worker (a stand-in the test drives): the bytes are handed
 * over once it runs, its answer or refusal comes back, and closing the Import dialog stops it.
 * Without workers (Node) the same reading runs inline.
 */
import { describe, expect, it } from 'vitest';
import { StandInWorker, useStandInWorker } from '../fixtures/standInWorker';
import { sampleProject } from '../fixtures/sampleProject';
import { ImportCancelled } from '../format';
import { exportBackup } from './backup';
import { readBackupOffThread } from './offThread';

const bytesOf = async () => new TextEncoder().encode(exportBackup(await sampleProject(), '2024-05-01T00:00:00.000Z'));

describe('readBackupOffThread', () => {
  const standIn = useStandInWorker();

  it('sends the file with its name once the worker runs, handing its bytes over, and gives back its answer', async () => {
    standIn.install();
    const bytes = await bytesOf();
    const reading = readBackupOffThread(bytes, 'study-project.json');
    const worker = StandInWorker.last;
    expect(worker.posted).toEqual([]);
    worker.say({ type: 'ready' });
    expect(worker.posted).toEqual([{ message: { bytes, name: 'study-project.json' }, transfer: [bytes.buffer] }]);
    worker.say({ type: 'done', value: { backup: { codes: [] }, report: ['from the worker'] } });
    expect((await reading).report).toEqual(['from the worker']);
    expect(worker.terminated).toBe(true);
  });

  it('passes a refusal on with its message, and stops when the import is given up', async () => {
    standIn.install();
    const refused = readBackupOffThread(await bytesOf(), 'x.json');
    StandInWorker.last.say({ type: 'ready' });
    StandInWorker.last.say({ type: 'failed', message: 'The backup is damaged: codes[0].name: Required' });
    await expect(refused).rejects.toThrow('The backup is damaged: codes[0].name: Required');

    const controller = new AbortController();
    const given = readBackupOffThread(await bytesOf(), 'x.json', controller.signal);
    controller.abort();
    expect(StandInWorker.last.terminated).toBe(true);
    await expect(given).rejects.toBeInstanceOf(ImportCancelled);
  });

  it('reads inline where there are no workers, with the same checks', async () => {
    const read = await readBackupOffThread(await bytesOf(), 'x.json');
    expect(read.backup.codes.length).toBeGreaterThan(0);
    await expect(readBackupOffThread(new TextEncoder().encode('{"format":"other"}'), 'x.json')).rejects.toThrow(/not a Marginalia backup/);
  });
});
