import { errorMessage } from '../../common/errorMessage';

/** What the file workers (.qdpx, .qdc, backups) answer: first that they run, then the result or why there is none. */
export type WorkerReply<T> = { type: 'ready' } | { type: 'done'; value: T } | { type: 'failed'; message: string };

/** Runs a job and turns its outcome into the reply to post (a failure is a message, never a thrown error). */
export function replyOf<T>(run: () => T | Promise<T>): Promise<WorkerReply<T>> {
  return Promise.resolve()
    .then(run)
    .then(
      (value): WorkerReply<T> => ({ type: 'done', value }),
      (err: unknown): WorkerReply<T> => ({ type: 'failed', message: errorMessage(err) }),
    );
}
