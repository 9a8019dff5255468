/// <reference lib="webworker" />
/**
 * The analysis engine off the main thread: counting 100,000 segments must not cost the analyst
 * a frame while they read and code.
 */
import { transferablesOf } from '../../domain/analysis/requests';
import { EngineDriver, type ToEngine } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const driver = new EngineDriver((reply) => scope.postMessage(reply, reply.type === 'answer' ? transferablesOf(reply.answer) : []));

scope.onmessage = (event: MessageEvent<ToEngine>) => driver.receive(event.data);
