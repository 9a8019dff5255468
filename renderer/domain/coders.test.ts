import { describe, expect, it } from 'vitest';
import { SettingsSchema } from './model';
import { defaultCoderColour, initialsOf, projectCoders, withProfile } from './coders';
import { PALETTE } from './palette';

describe('coders as people in the project', () => {
  it('takes initials from the name', () => {
    expect(initialsOf('Alice Smith')).toBe('AS');
    expect(initialsOf('bob')).toBe('BO');
    expect(initialsOf('j.-p. dupont')).toBe('JP');
    expect(initialsOf('Émile')).toBe('ÉM');
  });

  it('lists coders seen on codings, chosen profiles and the current coder, once each', () => {
    const carol = { name: 'carol', colour: '#123456', initials: 'CR' };
    const list = projectCoders(['bob', 'alice', 'bob'], [carol], 'dan');
    expect(list.map((p) => p.name)).toEqual(['alice', 'bob', 'carol', 'dan']);
    expect(list[2]).toBe(carol);
    expect(PALETTE).toContain(list[0]!.colour);
    expect(defaultCoderColour('alice')).toBe(list[0]!.colour); // stable across sessions
  });

  it('replaces a profile by name', () => {
    const one = withProfile([], { name: 'bob', colour: '#000000', initials: 'B' });
    expect(withProfile(one, { name: 'bob', colour: '#ffffff', initials: 'BB' })).toEqual([{ name: 'bob', colour: '#ffffff', initials: 'BB' }]);
  });

  it('keeps settings without coder profiles or blind coding valid (older projects and backups)', () => {
    expect(SettingsSchema.parse({ coder: 'zoe' })).toEqual({ coder: 'zoe' });
    expect(SettingsSchema.parse({ coder: 'zoe', blindCoding: true, coders: [{ name: 'zoe', colour: '#aabbcc', initials: 'ZO' }] })).toMatchObject({ blindCoding: true });
  });
});
