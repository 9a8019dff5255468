/**
 * Why the window could not open the project, as the start-up screen says it: what failed, and
 * advice that fits the cause — local storage (StorageError), a host that does not answer, a host
 * of another version, or a refusal the host explains itself (a project written by a newer
 * Marginalia, a damaged project.json: its message already says what to do).
 */
import { errorMessage } from '../../common/errorMessage';
import type { StorageErrorKind } from '../store/errors';

export interface StartupFailure {
  /** What went wrong, a sentence or two. */
  message: string;
  /** What to do about it. */
  advice: string;
}

/** Where the window runs: the desktop app restarts itself; a browser page needs its host restarted. */
export type StartupHost = 'electron' | 'web';

const UNCHANGED = 'Nothing was changed.';

const STORAGE_ADVICE: Record<StorageErrorKind, string> = {
  quota: 'Free some disk space, then reload this window.',
  closed: 'Close other Marginalia windows, then reload this one.',
  'invalid-state': 'Close other Marginalia windows, then reload this one.',
  // Its message already says to update and that nothing changed.
  version: 'Or go on with this project in the newer Marginalia that saved it.',
  unavailable: 'Open Marginalia in an ordinary (not private) window, or allow this site to keep data, then reload.',
  'invalid-data': 'Reload this window; if it happens again, export a backup from another window and report the problem.',
  unknown: 'Close other Marginalia windows, then reload this one.',
};

/** Errors are recognised by name: classes do not survive Electron's bridge, and a name does not need the class imported. */
const named = (err: unknown, name: string): err is Error => err instanceof Error && err.name === name;

export function startupFailure(err: unknown, host: StartupHost): StartupFailure {
  if (named(err, 'StorageError')) {
    const { kind, userMessage } = err as Error & { kind: StorageErrorKind; userMessage: string };
    const advice = STORAGE_ADVICE[kind] ?? STORAGE_ADVICE.unknown;
    return { message: userMessage, advice: kind === 'version' ? advice : `${UNCHANGED} ${advice}` };
  }
  if (named(err, 'HostUnreachable')) {
    return {
      message: 'Marginalia’s host did not answer: it may have been stopped, so the project could not be read.',
      advice:
        host === 'web'
          ? `${UNCHANGED} Start the host again (npm run web, or the command that started it), then reload this page.`
          : `${UNCHANGED} Quit Marginalia and start it again.`,
    };
  }
  if (named(err, 'UnexpectedReply')) {
    return {
      message: `This window and Marginalia’s host are different versions, so the project could not be read: ${withFullStop(withoutMethod(err.message, /^[a-z]\w*: /))}`,
      advice:
        host === 'web'
          ? `${UNCHANGED} Reload this page; if this stays, restart the host so that it serves the page of its own version.`
          : `${UNCHANGED} Quit Marginalia and start it again.`,
    };
  }
  return { message: `The project could not be read: ${withFullStop(withoutMethod(errorMessage(err)))}`, advice: UNCHANGED };
}

/** Messages name the API method that failed ("readProject failed: …"): a word for developers, not for the analyst. */
const withoutMethod = (text: string, prefix = /^[a-z]\w* failed: /) => text.replace(prefix, '').trim() || 'no reason was given';

const withFullStop = (text: string) => (/[.!?…]$/.test(text) ? text : `${text}.`);
