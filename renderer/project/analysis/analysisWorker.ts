/// <reference lib="webworker" />
/**
 * The analysis engine off the main thread: counting 100,000 segments must not cost the analyst
 * a frame while they read and code.
 */
import { AnalysisEngine } from '../../domain/analysis/engine';
import { transferablesOf } from '../../domain/analysis/requests';
import { handle, type ToEngine } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const engine = new AnalysisEngine();

scope.onmessage = (event: MessageEvent<ToEngine>) => {
  const reply = handle(engine, event.data);
  if (reply) scope.postMessage(reply, reply.type === 'answer' ? transferablesOf(reply.answer) : []);
};
