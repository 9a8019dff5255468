/**
 * Reading a .qdpx off the main thread, with a stand-in Worker that the test drives: the file
 * goes to the worker only once it says it runs (so a worker that cannot start leaves the bytes
 * for the inline reading), its answer or its refusal comes back, and a worker that fails while
 * working is reported, never silently replaced by a reading on the main thread.
 */
import { describe, expect, it } from 'vitest';
import { StandInWorker, useStandInWorker } from '../fixtures/standInWorker';
import { qdpx, projectXml } from '../fuzz/refiFiles';
import { ImportCancelled } from '../format';
import { importQdcOffThread, importQdpxOffThread } from './offThread';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('importQdpxOffThread', () => {
  const standIn = useStandInWorker();
  it('sends the file once the worker runs, handing its bytes over, and gives back its answer', async () => {
    standIn.install();
    const reading = importQdpxOffThread(qdpx(projectXml()), { now: '2024-01-01T00:00:00.000Z' });
    const worker = StandInWorker.last;
    expect(worker.posted).toEqual([]);
    worker.say({ type: 'ready' });
    expect(worker.posted).toHaveLength(1);
    expect(worker.posted[0]!.transfer).toHaveLength(1);
    worker.say({ type: 'done', value: { documents: [], codes: [], segments: [], memos: [], report: ['from the worker'] } });
    expect((await reading).report).toEqual(['from the worker']);
    expect(worker.terminated).toBe(true);
  });

  it('ignores what libraries bundled into the worker post on the same port (pdf.js announces itself)', async () => {
    standIn.install();
    const reading = importQdpxOffThread(qdpx(projectXml()), { now: '2024-01-01T00:00:00.000Z' });
    const worker = StandInWorker.last;
    worker.say({ sourceName: 'worker', targetName: 'main', action: 'ready' });
    worker.say(null);
    expect(worker.terminated).toBe(false);
    worker.say({ type: 'ready' });
    worker.say({ type: 'failed', message: 'This is not a readable .qdpx file.' });
    await expect(reading).rejects.toThrow('This is not a readable .qdpx file.');
  });

  it('passes a refusal on, with the worker’s message', async () => {
    standIn.install();
    const reading = importQdpxOffThread(qdpx(projectXml()), {});
    StandInWorker.last.say({ type: 'ready' });
    StandInWorker.last.say({ type: 'failed', message: 'The archive is damaged: a reason.' });
    await expect(reading).rejects.toThrow('The archive is damaged: a reason.');
  });

  it('reads inline when the worker cannot start', async () => {
    standIn.install();
    const reading = importQdpxOffThread(qdpx(projectXml()), { now: '2024-01-01T00:00:00.000Z' });
    StandInWorker.last.fail('blocked');
    const additions = await reading;
    expect(additions.documents.map((d) => d.title)).toEqual(['Interview 1']);
  });

  it('reports a worker that fails while it works', async () => {
    standIn.install();
    const reading = importQdpxOffThread(qdpx(projectXml()), {});
    StandInWorker.last.say({ type: 'ready' });
    await tick();
    StandInWorker.last.fail('out of memory');
    await expect(reading).rejects.toThrow('The work stopped unexpectedly: out of memory.');
  });
});

describe('closing the Import dialog while a file is read', () => {
  const standIn = useStandInWorker();

  it('stops the worker at once and hands nothing back', async () => {
    standIn.install();
    const controller = new AbortController();
    const reading = importQdpxOffThread(qdpx(projectXml()), {}, controller.signal);
    const worker = StandInWorker.last;
    worker.say({ type: 'ready' });
    controller.abort();
    expect(worker.terminated).toBe(true);
    await expect(reading).rejects.toBeInstanceOf(ImportCancelled);
    worker.say({ type: 'done', value: { documents: [], codes: [], segments: [], memos: [], report: [] } }); // too late: ignored
  });

  it('starts no worker when it was closed before', async () => {
    standIn.install();
    const controller = new AbortController();
    controller.abort();
    const before = StandInWorker.last;
    await expect(importQdpxOffThread(qdpx(projectXml()), {}, controller.signal)).rejects.toBeInstanceOf(ImportCancelled);
    expect(StandInWorker.last).toBe(before);
  });

  it('refuses what an inline reading (no worker) read after it was closed', async () => {
    const controller = new AbortController();
    const reading = importQdpxOffThread(qdpx(projectXml()), {}, controller.signal);
    controller.abort();
    await expect(reading).rejects.toBeInstanceOf(ImportCancelled);
  });
});

describe('importQdcOffThread', () => {
  const standIn = useStandInWorker();
  const xml = '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid="8f2c6a1e-0b7d-4c55-9a31-000000000001" name="Zulu" isCodable="true"/></Codes></CodeBook>';
  const file = { name: 'book.qdc', now: '2024-01-01T00:00:00.000Z' };

  it('reads the codebook in its worker: bytes handed over with the name and time', async () => {
    standIn.install();
    const bytes = new TextEncoder().encode(xml);
    const reading = importQdcOffThread(bytes, file);
    StandInWorker.last.say({ type: 'ready' });
    expect(StandInWorker.last.posted).toEqual([{ message: { bytes, ...file }, transfer: [bytes.buffer] }]);
    StandInWorker.last.say({ type: 'done', value: { codes: [], report: ['from the worker'] } });
    expect(await reading).toEqual({ codes: [], report: ['from the worker'] });
  });

  it('reads inline where there are no workers', async () => {
    const { codes } = await importQdcOffThread(new TextEncoder().encode(xml), file);
    expect(codes.map((c) => [c.name, c.position])).toEqual([['Zulu', 0]]);
  });
});
