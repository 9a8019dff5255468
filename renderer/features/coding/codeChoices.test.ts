import { describe, expect, it } from 'vitest';
import type { Code } from '../../domain/model';
import { popupItems, prepareCodes, RECENT_SHOWN, type PopupItem } from './codeChoices';

const T = '2025-01-01T00:00:00.000Z';
const code = (id: string, name: string, parentId: string | null = null, description = ''): Code => ({
  id, name, colour: '#e15759', description, parentId, shortcut: null, createdAt: T, updatedAt: T,
});

const CODES = [
  code('gov', 'Governance & reconciliation'),
  code('loc', 'Local government', null, 'Municipal councils'),
  code('thr', 'Threat framing'),
  code('thr-o', 'Other', 'thr'),
  code('sta', 'Stabilization'),
  code('sta-o', 'Other', 'sta'),
  code('ftf', 'FTF', null, 'Foreign terrorist fighters'),
  code('mil', 'Political-military'),
];

const names = (items: PopupItem[]) => items.map((i) => (i.kind === 'code' ? i.choice.path : `+${i.name}`));
const items = (query: string, recent: string[] = []) => popupItems(CODES, prepareCodes(CODES), recent, query);

describe('popupItems', () => {
  it('lists recent codes first (last used first), then the codebook in tree order, each once', () => {
    expect(names(items('', ['sta-o', 'ftf', 'gone']))).toEqual([
      'Stabilization > Other', 'FTF',
      'Governance & reconciliation', 'Local government', 'Political-military', 'Stabilization', 'Threat framing', 'Threat framing > Other',
    ]);
    const list = items('', ['ftf']);
    expect(list[0]).toMatchObject({ kind: 'code', choice: { recent: true } });
    expect(list[1]).toMatchObject({ kind: 'code', choice: { recent: false } });
  });

  it(`shows at most ${RECENT_SHOWN} recent codes ahead of the rest`, () => {
    const recent = ['mil', 'ftf', 'sta-o', 'sta', 'thr-o', 'thr'];
    expect(names(items('', recent)).slice(0, RECENT_SHOWN + 1)).toEqual([
      'Political-military', 'FTF', 'Stabilization > Other', 'Stabilization', 'Threat framing > Other', 'Governance & reconciliation',
    ]);
  });

  it('ranks a name prefix before a word inside a name and a parent; create comes last', () => {
    expect(names(items('gov'))).toEqual(['Governance & reconciliation', 'Local government', '+gov']);
    // Descriptions are not searched: Enter must not apply FTF for "fighters".
    expect(names(items('fighters'))).toEqual(['+fighters']);
    // "Other" twice: paths tell the cousins apart; the sub-codes of "Threat framing" match by parent.
    expect(names(items('other'))).toEqual(['Stabilization > Other', 'Threat framing > Other', '+other']);
    expect(names(items('threat'))).toEqual(['Threat framing', 'Threat framing > Other', '+threat']);
  });

  it('puts recent codes first among equal matches', () => {
    expect(names(items('other', ['thr-o']))).toEqual(['Threat framing > Other', 'Stabilization > Other', '+other']);
  });

  it('folds case, accents and typographic punctuation in the filter', () => {
    expect(names(items('POLITICAL–MILITARY'))).toEqual(['Political-military', '+POLITICAL–MILITARY']);
    expect(names(items('stäb'))).toEqual(['Stabilization', 'Stabilization > Other', '+stäb']);
  });

  it('offers no create when a top-level code has the name (any case), only the match', () => {
    expect(names(items(' ftf '))).toEqual(['FTF']);
    // A sub-code's name may still be taken at the top level.
    expect(names(items('Other')).at(-1)).toBe('+Other');
    expect(names(items('Gov2'))).toEqual(['+Gov2']);
  });
});
