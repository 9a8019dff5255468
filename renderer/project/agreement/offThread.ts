/**
 * computeAgreement in a Web Worker, so the window stays responsive; inline where workers are
 * missing (Node tests) or cannot start.
 */
import { computeAgreement, type AgreementInput, type AgreementResult } from '../../domain/agreement/computeAgreement';

type Reply = { ok: true; result: AgreementResult } | { ok: false; message: string };

export function computeAgreementOffThread(input: AgreementInput): Promise<AgreementResult> {
  if (typeof Worker === 'undefined') return Promise.resolve(computeAgreement(input));
  let worker: Worker;
  try {
    worker = new Worker(new URL('./agreementWorker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(computeAgreement(input));
  }
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<Reply>) => {
      worker.terminate();
      if (e.data.ok) resolve(e.data.result);
      else reject(new Error(e.data.message));
    };
    worker.onerror = (e) => {
      worker.terminate();
      e.preventDefault();
      // A worker that cannot start (e.g. blocked by the host) must not cost the comparison.
      try {
        resolve(computeAgreement(input));
      } catch (err) {
        reject(err);
      }
    };
    worker.postMessage(input);
  });
}
