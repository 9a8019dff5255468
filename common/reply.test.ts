import { describe, expect, it } from 'vitest';
import { ReplySchema } from './contract';
import { unwrapReply } from './reply';

const CANDIDATES: unknown[] = [
  { ok: true, value: { userName: 'سلام 👩🏽‍💻' } },
  { ok: true, value: null },
  { ok: true },
  { ok: false, error: 'no document with id "e\u0301"' },
  { ok: false, error: '' },
  { ok: false },
  { ok: false, error: 404 },
  { ok: 'true', value: 1 },
  { error: 'the old bare error shape' },
  { documents: [] },
  null,
  undefined,
  'ok',
  [true],
];

describe('unwrapReply', () => {
  it('returns the value of a successful reply', () => {
    expect(unwrapReply('getUserInfo', { ok: true, value: { userName: 'ada' } })).toEqual({ userName: 'ada' });
  });

  it('throws the host message of a failed reply, unchanged (Arabic, combining marks, line breaks)', () => {
    const message = 'لا يوجد مستند "cafe\u0301"\r\nsecond line';
    expect(() => unwrapReply('getDocument', { ok: false, error: message })).toThrow(message);
  });

  it('refuses anything that is not an envelope, naming the method', () => {
    for (const reply of [undefined, null, { ok: false }, { error: 'bare' }, { documents: [] }]) {
      expect(() => unwrapReply('listDocuments', reply)).toThrow('listDocuments: unexpected reply from the host');
    }
  });

  it('accepts exactly what ReplySchema accepts', () => {
    for (const candidate of CANDIDATES) {
      let opened = true;
      try {
        unwrapReply('m', candidate);
      } catch (error) {
        opened = !(error as Error).message.startsWith('m: unexpected reply');
      }
      expect(opened, JSON.stringify(candidate)).toBe(ReplySchema.safeParse(candidate).success);
    }
  });
});
