/**
 * Reading a .qdpx off the main thread, with a stand-in Worker that the test drives: the file
 * goes to the worker only once it says it runs (so a worker that cannot start leaves the bytes
 * for the inline reading), its answer or its refusal comes back, and a worker that fails while
 * working is reported, never silently replaced by a reading on the main thread.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { qdpx, projectXml } from '../fuzz/refiFiles';
import { importQdpxOffThread } from './offThread';

type Listener = ((event: unknown) => void) | null;

class StandInWorker {
  static last: StandInWorker;
  onmessage: Listener = null;
  onerror: Listener = null;
  posted: Array<{ message: unknown; transfer: unknown[] }> = [];
  terminated = false;
  constructor() {
    StandInWorker.last = this;
  }
  postMessage(message: unknown, transfer: unknown[] = []) {
    this.posted.push({ message, transfer });
  }
  terminate() {
    this.terminated = true;
  }
  say(data: unknown) {
    this.onmessage?.({ data });
  }
  fail(message: string) {
    this.onerror?.({ message, preventDefault: () => undefined });
  }
}

const global = globalThis as { Worker?: unknown };
const had = 'Worker' in global;
const previous = global.Worker;
afterEach(() => {
  if (had) global.Worker = previous;
  else delete global.Worker;
});
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('importQdpxOffThread', () => {
  it('sends the file once the worker runs, handing its bytes over, and gives back its answer', async () => {
    global.Worker = StandInWorker;
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
    global.Worker = StandInWorker;
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
    global.Worker = StandInWorker;
    const reading = importQdpxOffThread(qdpx(projectXml()), {});
    StandInWorker.last.say({ type: 'ready' });
    StandInWorker.last.say({ type: 'failed', message: 'The archive is damaged: a reason.' });
    await expect(reading).rejects.toThrow('The archive is damaged: a reason.');
  });

  it('reads inline when the worker cannot start', async () => {
    global.Worker = StandInWorker;
    const reading = importQdpxOffThread(qdpx(projectXml()), { now: '2024-01-01T00:00:00.000Z' });
    StandInWorker.last.fail('blocked');
    const additions = await reading;
    expect(additions.documents.map((d) => d.title)).toEqual(['Interview 1']);
  });

  it('reports a worker that fails while it works', async () => {
    global.Worker = StandInWorker;
    const reading = importQdpxOffThread(qdpx(projectXml()), {});
    StandInWorker.last.say({ type: 'ready' });
    await tick();
    StandInWorker.last.fail('out of memory');
    await expect(reading).rejects.toThrow('The work stopped unexpectedly: out of memory.');
  });
});
