/**
 * Storage failures as the analyst should hear about them. Dexie wraps IndexedDB errors
 * (AbortError around a QuotaExceededError, OpenFailedError around a VersionError, BulkError
 * around per-row failures …), so we look through the whole chain for the most telling cause.
 */

export type StorageErrorKind =
  | 'quota'
  | 'closed'
  | 'version'
  | 'invalid-state'
  | 'unavailable'
  | 'invalid-data'
  | 'unknown';

/** What was being attempted: decides what the analyst is told about the consequence. */
export type StorageOperation = 'save' | 'load' | 'open';

export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    /** A complete sentence or two, safe to show in the UI as is. */
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
  }
}

/** A row that does not match the model schema: a bug, refused before anything is written. */
export class InvalidRowError extends Error {
  override name = 'InvalidRowError';
}

const CONSEQUENCE: Record<StorageOperation, string> = {
  save: 'your last change was not saved.',
  load: 'your project could not be loaded.',
  open: 'your project could not be opened.',
};

const QUOTA_SAVE_MESSAGE =
  "The disk is full or the browser's storage quota is used up: your last change was not saved. Free some space and try again.";

function messageFor(kind: StorageErrorKind, operation: StorageOperation, detail: string): string {
  const consequence = CONSEQUENCE[operation];
  switch (kind) {
    case 'quota':
      return operation === 'save'
        ? QUOTA_SAVE_MESSAGE
        : `The disk is full or the browser's storage quota is used up: ${consequence} Free some space and try again.`;
    case 'closed':
      return `The project database was closed (another Marginalia window may have upgraded or deleted it): ${consequence} Reload Marginalia to continue.`;
    case 'version':
      return 'This project was saved by a newer version of Marginalia, which this version cannot open. Update Marginalia to open it; nothing has been changed.';
    case 'invalid-state':
      return `The project database is busy closing or upgrading: ${consequence} Reload Marginalia and try again.`;
    case 'unavailable':
      return `Marginalia cannot use its local storage (IndexedDB is unavailable or blocked, for example by a private window or a security policy): ${consequence} Your work cannot be kept until storage is available.`;
    case 'invalid-data':
      return `A change contained data that does not fit the project (${detail}), so it was refused: ${consequence}`;
    case 'unknown':
      return `Marginalia could not use its local storage (${detail}): ${consequence} Try again, or reload Marginalia if it keeps happening.`;
  }
}

const KIND_BY_NAME: Record<string, StorageErrorKind> = {
  QuotaExceededError: 'quota',
  DatabaseClosedError: 'closed',
  VersionError: 'version',
  InvalidStateError: 'invalid-state',
  MissingAPIError: 'unavailable',
  SecurityError: 'unavailable',
  InvalidRowError: 'invalid-data',
};

/** Most specific first: a quota failure explains an abort better than the abort does. */
const PRIORITY: StorageErrorKind[] = ['quota', 'version', 'invalid-data', 'unavailable', 'closed', 'invalid-state'];

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  inner?: unknown;
  cause?: unknown;
  failures?: unknown;
}

/** The error, its `inner`/`cause` chain and BulkError failures, without looping forever. */
function errorChain(err: unknown): ErrorLike[] {
  const seen = new Set<unknown>();
  const out: ErrorLike[] = [];
  const visit = (e: unknown): void => {
    if (e === null || typeof e !== 'object' || seen.has(e) || out.length > 50) return;
    seen.add(e);
    const like = e as ErrorLike;
    out.push(like);
    visit(like.inner);
    visit(like.cause);
    if (Array.isArray(like.failures)) like.failures.forEach(visit);
    else if (like.failures && typeof like.failures === 'object') Object.values(like.failures).forEach(visit);
  };
  visit(err);
  return out;
}

function kindOf(e: ErrorLike): StorageErrorKind | null {
  if (typeof e.name === 'string' && e.name in KIND_BY_NAME) return KIND_BY_NAME[e.name] ?? null;
  // Old engines report a full disk only by the legacy DOMException code 22.
  if (e.code === 22) return 'quota';
  return null;
}

function detailOf(err: unknown): string {
  const chain = errorChain(err);
  const deepest = chain[chain.length - 1];
  const message = deepest && typeof deepest.message === 'string' ? deepest.message : String(err);
  return message.trim() || 'unknown error';
}

export function toStorageError(err: unknown, operation: StorageOperation = 'save'): StorageError {
  if (err instanceof StorageError) return err;
  const kinds = new Set(errorChain(err).map(kindOf).filter((k): k is StorageErrorKind => k !== null));
  const kind = PRIORITY.find((k) => kinds.has(k)) ?? 'unknown';
  return new StorageError(kind, messageFor(kind, operation, detailOf(err)), { cause: err });
}
