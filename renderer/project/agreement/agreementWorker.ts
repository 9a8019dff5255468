/// <reference lib="webworker" />
/**
 * The agreement table off the main thread: two coders' 50,000 codings each over 1,000
 * documents must never freeze the window.
 */
import { computeAgreement, type AgreementInput } from '../../domain/agreement/computeAgreement';
import { errorMessage } from '../../../common/errorMessage';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<AgreementInput>) => {
  try {
    scope.postMessage({ ok: true, result: computeAgreement(event.data) });
  } catch (err) {
    scope.postMessage({ ok: false, message: errorMessage(err) });
  }
};
