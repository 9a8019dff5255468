/**
 * The converter thread (started by converterThread.ts): pdf.js and mammoth load here and never in
 * main's own thread. pdf.js's legacy build installs core-js polyfills as it loads, among them a
 * JSON.stringify 10–20× slower on Node 20, and a damaged file may throw, hang or exhaust memory:
 * all of that stays in this thread, which main's can stop at any time.
 */
import { parentPort } from 'node:worker_threads';
import { convertDocument, refusalReason } from '../../converters';
import type { ConversionReply, ConversionRequest } from './protocol';

const port = parentPort;
if (!port) throw new Error('conversionWorker runs as a worker thread (main/conversion/converterThread.ts starts it)');

port.on('message', async ({ id, fileName, bytes }: ConversionRequest) => {
  let reply: ConversionReply;
  try {
    reply = { id, ok: true, document: await convertDocument(fileName, new Uint8Array(bytes)) };
  } catch (error) {
    reply = { id, ok: false, reason: refusalReason(error) };
  }
  port.postMessage(reply);
});
