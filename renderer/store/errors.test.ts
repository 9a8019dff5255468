import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { InvalidRowError, StorageError, toStorageError } from './errors';

describe('toStorageError', () => {
  it('explains a full disk from a QuotaExceededError DOMException', () => {
    const err = toStorageError(new DOMException('quota', 'QuotaExceededError'));
    expect(err).toBeInstanceOf(StorageError);
    expect(err.kind).toBe('quota');
    expect(err.userMessage).toBe(
      "The disk is full or the browser's storage quota is used up: your last change was not saved. Free some space and try again.",
    );
    expect(err.message).toBe(err.userMessage);
  });

  it('finds the quota error wrapped inside a Dexie AbortError', () => {
    const inner = new DOMException('quota', 'QuotaExceededError');
    const wrapped = new Dexie.AbortError('Transaction aborted', inner);
    expect(toStorageError(wrapped).kind).toBe('quota');
  });

  it('finds a quota error among BulkError failures and by the legacy code 22', () => {
    const bulk = new Dexie.BulkError('1 of 2 failed', { 1: new DOMException('q', 'QuotaExceededError') });
    expect(toStorageError(bulk).kind).toBe('quota');
    expect(toStorageError({ name: 'Error', code: 22, message: 'legacy' }).kind).toBe('quota');
  });

  it('maps a closed database, an invalid state and a newer version to specific messages', () => {
    const closed = toStorageError(new Dexie.DatabaseClosedError());
    expect(closed.kind).toBe('closed');
    expect(closed.userMessage).toMatch(/closed.*not saved.*Reload/);

    const invalid = toStorageError(new DOMException('x', 'InvalidStateError'));
    expect(invalid.kind).toBe('invalid-state');
    expect(invalid.userMessage).toMatch(/not saved/);

    const version = toStorageError(new Dexie.OpenFailedError('open failed', new Dexie.VersionError('newer')), 'open');
    expect(version.kind).toBe('version');
    expect(version.userMessage).toMatch(/newer version of Marginalia/);
  });

  it('says IndexedDB is unavailable for MissingAPIError and SecurityError', () => {
    const missing = toStorageError(new Dexie.MissingAPIError(), 'open');
    expect(missing.kind).toBe('unavailable');
    expect(missing.userMessage).toMatch(/IndexedDB is unavailable.*could not be opened/);
    expect(toStorageError(new DOMException('no', 'SecurityError')).kind).toBe('unavailable');
  });

  it('reports invalid data with the detail of the offending row', () => {
    const err = toStorageError(new InvalidRowError('codes/c1 at colour: colour must be #RRGGBB'));
    expect(err.kind).toBe('invalid-data');
    expect(err.userMessage).toContain('codes/c1 at colour');
  });

  it('keeps a generic failure readable, adapts the consequence to the operation, and keeps the cause', () => {
    const cause = new Error('disk on fire');
    const err = toStorageError(cause, 'load');
    expect(err.kind).toBe('unknown');
    expect(err.userMessage).toContain('disk on fire');
    expect(err.userMessage).toContain('your project could not be loaded');
    expect(err.cause).toBe(cause);
    expect(toStorageError('weird').userMessage).toContain('weird');
  });

  it('passes a StorageError through unchanged', () => {
    const err = toStorageError(new DOMException('q', 'QuotaExceededError'));
    expect(toStorageError(err)).toBe(err);
  });
});
