/**
 * Analysis for React: one AnalysisService per project store (kept while the window lives, so
 * reopening the panel is instant), and answers that are asked again whenever the project
 * changes — the views stay live while the analyst codes.
 */
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { AnalysisService, type AnalysisStatus } from '../../project/analysis/analysisService';
import type { ProjectStore } from '../../project/projectStore';
import type { AnalysisRequest, AnswerOf } from '../../domain/analysis/requests';
import { useServices } from '../../ui/ProjectContext';
import { errorMessage } from '../../../common/errorMessage';

const services = new WeakMap<ProjectStore, AnalysisService>();

export function useAnalysisService(): AnalysisService {
  const { store, corpus, api } = useServices();
  let service = services.get(store);
  if (!service) {
    service = new AnalysisService(store, corpus, (id) => api.getDocument({ id }).then((d) => d.text));
    services.set(store, service);
  }
  return service;
}

export function useAnalysisStatus(): AnalysisStatus {
  const service = useAnalysisService();
  return useSyncExternalStore(service.subscribe, service.getStatus);
}

export interface AnswerState<A> {
  answer: A | null;
  /** The data version the shown answer was computed for. */
  version: number;
  error: string | null;
  /** A newer answer is being computed. */
  busy: boolean;
}

/**
 * The answer to `request` (asked again when it or the project changes); null asks nothing.
 * `key` identifies the request (a stable string), so a new object with the same question does not ask again.
 */
export function useAnswer<R extends AnalysisRequest>(request: R | null, key: string): AnswerState<AnswerOf<R>> {
  const service = useAnalysisService();
  const { version } = useAnalysisStatus();
  const [state, setState] = useState<AnswerState<AnswerOf<R>>>({ answer: null, version: -1, error: null, busy: false });
  const latest = useRef(0);
  const requestRef = useRef(request);
  requestRef.current = request;

  useEffect(() => {
    const asked = requestRef.current;
    if (!asked) return;
    const ticket = ++latest.current;
    setState((s) => ({ ...s, busy: true }));
    service.ask(asked).then(
      (answer) => {
        if (ticket === latest.current) setState({ answer, version, error: null, busy: false });
      },
      (err: unknown) => {
        if (ticket === latest.current) setState((s) => ({ ...s, busy: false, error: errorMessage(err) }));
      },
    );
  }, [service, key, version, request === null]); // eslint-disable-line react-hooks/exhaustive-deps

  return state;
}
