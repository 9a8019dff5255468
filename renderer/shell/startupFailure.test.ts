import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HostUnreachable, UnexpectedReply } from '../../common/reply';
import { StorageError } from '../store/errors';
import { startupFailure } from './startupFailure';

describe('startupFailure: what the start-up screen says, with advice that fits the cause', () => {
  it('a host that does not answer: start it again (no talk of other windows)', () => {
    const failure = startupFailure(new HostUnreachable('readProject: the Marginalia host did not answer (Failed to fetch)'), 'web');
    expect(failure.message).toBe('Marginalia’s host did not answer: it may have been stopped, so the project could not be read.');
    expect(failure.advice).toBe('Nothing was changed. Start the host again (npm run web, or the command that started it), then reload this page.');
  });

  it('a host of another version: says so, with what did not match as text', () => {
    const failure = startupFailure(new UnexpectedReply('readProject: the host’s answer is not what this window expects (tables.savedSearches: expected array, received undefined)'), 'web');
    expect(failure.message).toBe(
      'This window and Marginalia’s host are different versions, so the project could not be read: the host’s answer is not what this window expects (tables.savedSearches: expected array, received undefined).',
    );
    expect(failure.advice).toMatch(/^Nothing was changed\. Reload this page; if this stays, restart the host/);
  });

  it('a project the host refuses: its own explanation, as a sentence', () => {
    const failure = startupFailure(
      new Error('readProject failed: project.json is version 9, written by a newer Marginalia (this one reads versions 1 to 4): update Marginalia to open this project'),
      'electron',
    );
    expect(failure.message).toBe(
      'The project could not be read: project.json is version 9, written by a newer Marginalia (this one reads versions 1 to 4): update Marginalia to open this project.',
    );
    expect(failure.advice).toBe('Nothing was changed.');
  });

  it('local storage: its message, and advice for its kind', () => {
    const closed = startupFailure(new StorageError('closed', 'The project database was closed.'), 'web');
    expect(closed).toEqual({ message: 'The project database was closed.', advice: 'Nothing was changed. Close other Marginalia windows, then reload this one.' });
    const quota = startupFailure(new StorageError('quota', 'The disk is full.'), 'web');
    expect(quota.advice).toBe('Nothing was changed. Free some disk space, then reload this window.');
    expect(quota.advice).not.toMatch(/other Marginalia windows/);
    const newer = startupFailure(new StorageError('version', 'This project was saved by a newer version of Marginalia, which this version cannot open. Update Marginalia to open it; nothing has been changed.'), 'web');
    expect(newer.advice).toBe('Or go on with this project in the newer Marginalia that saved it.');
  });

  it('a validation failure is never shown as raw JSON', () => {
    const failure = z.object({ seq: z.number() }).safeParse({});
    const { message } = startupFailure(failure.error, 'web');
    expect(message).toBe('The project could not be read: seq: expected number, received undefined.');
  });
});
