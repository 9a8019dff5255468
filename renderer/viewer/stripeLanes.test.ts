import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../scripts/synth/prng';
import { assignLanes, compareItems, LaneIndex, type CanFollow, type LaneItem } from './stripeLanes';

const item = (key: string, start: number, end: number): LaneItem => ({ key, start, end });
const sorted = (items: LaneItem[]) => [...items].sort(compareItems);

/** Most items covering one offset: the fewest lanes any assignment can use. */
function depth(items: readonly LaneItem[]): number {
  const events = items.flatMap((i) => [[i.start, 1] as const, [i.end, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of events) most = Math.max(most, (now += d));
  return most;
}

function randomItems(seed: number, n: number, length = 5_000): LaneItem[] {
  const rng = mulberry32(seed);
  return Array.from({ length: n }, (_, i) => {
    const start = Math.floor(rng() * length);
    return item(`k${i}`, start, start + 1 + Math.floor(rng() * 300));
  });
}

describe('assignLanes', () => {
  it('puts nested and overlapping bars side by side and reuses a lane once it is free', () => {
    const items = sorted([item('outer', 0, 100), item('inner', 10, 20), item('overlap', 50, 150), item('later', 120, 130), item('after', 200, 210)]);
    const { lanes, count } = assignLanes(items);
    const laneOf = Object.fromEntries(items.map((it, i) => [it.key, lanes[i]]));
    expect(laneOf).toEqual({ outer: 0, inner: 1, overlap: 1, later: 0, after: 0 });
    expect(count).toBe(2);
  });

  it('gives the longer of two bars starting together the lane nearer the text', () => {
    const items = sorted([item('short', 5, 8), item('long', 5, 80)]);
    expect(items.map((i) => i.key)).toEqual(['long', 'short']);
    expect(assignLanes(items).lanes).toEqual([0, 1]);
  });

  it('treats touching spans (half-open) as apart, and identical spans as overlapping', () => {
    expect(assignLanes(sorted([item('a', 0, 10), item('b', 10, 20)])).count).toBe(1);
    expect(assignLanes(sorted([item('a', 0, 10), item('b', 0, 10)])).count).toBe(2);
  });

  it('uses exactly as many lanes as the deepest overlap, and no two overlapping bars share one', () => {
    for (const seed of [1, 2, 3]) {
      const items = sorted(randomItems(seed, 400));
      const { lanes, count } = assignLanes(items);
      expect(count).toBe(depth(items));
      for (let i = 0; i < items.length; i++) {
        for (let j = i + 1; j < items.length && items[j]!.start < items[i]!.end; j++) expect(lanes[j]).not.toBe(lanes[i]);
      }
    }
  });

  it('keeps apart bars the rule says may not follow each other (e.g. on one line)', () => {
    const sameLine: CanFollow = (end, start) => end + 40 <= start;
    const items = sorted([item('a', 0, 10), item('b', 20, 30), item('c', 100, 110)]);
    expect(assignLanes(items, sameLine).lanes).toEqual([0, 1, 0]);
  });

  it('handles no bars', () => {
    expect(assignLanes([])).toEqual({ lanes: [], count: 0 });
  });
});

describe('LaneIndex', () => {
  const whole = (items: LaneItem[], canFollow?: CanFollow) => {
    const s = sorted(items);
    const { lanes } = assignLanes(s, canFollow);
    return new Map(s.map((it, i) => [it.key, lanes[i]!]));
  };

  it('gives a window the lanes a whole-document pass gives, listing only the bars in it', () => {
    const items = randomItems(7, 600);
    const expected = whole(items);
    const index = new LaneIndex();
    for (const it of items) index.add(it);
    for (const [from, to] of [
      [0, 300],
      [1200, 1500],
      [2500, 2501],
      [4900, 6000],
    ] as const) {
      const got = index.lanesIn(from, to);
      const inWindow = items.filter((i) => i.start < to && i.end > from).map((i) => i.key).sort();
      expect(got.items.map((i) => i.key).sort()).toEqual(inWindow);
      got.items.forEach((it, i) => expect(got.lanes[i]).toBe(expected.get(it.key)));
      expect(got.count).toBeGreaterThanOrEqual(Math.max(0, ...got.lanes) + 1);
    }
  });

  it('follows additions and removals, and a new rule for sharing lanes', () => {
    const items = randomItems(9, 300);
    const index = new LaneIndex();
    for (const it of items) index.add(it);
    const removed = items.filter((_, i) => i % 3 === 0);
    for (const it of removed) index.remove(it);
    const left = items.filter((_, i) => i % 3 !== 0);
    const extra = item('extra', 2000, 2600);
    index.add(extra);
    let expected = whole([...left, extra]);
    let got = index.lanesIn(1800, 2800);
    got.items.forEach((it, i) => expect(got.lanes[i]).toBe(expected.get(it.key)));
    expect(index.size).toBe(left.length + 1);

    const apart: CanFollow = (end, start) => end + 100 <= start;
    index.setCanFollow(apart);
    expected = whole([...left, extra], apart);
    got = index.lanesIn(3000, 3400);
    got.items.forEach((it, i) => expect(got.lanes[i]).toBe(expected.get(it.key)));
  });

  it('ignores removing a bar it does not hold, and is reset with many at once', () => {
    const index = new LaneIndex();
    index.add(item('a', 0, 10));
    index.remove(item('b', 0, 10));
    expect(index.size).toBe(1);
    const items = randomItems(11, 200);
    index.reset(items);
    const expected = whole(items);
    const got = index.lanesIn(0, 10_000);
    expect(got.items).toHaveLength(200);
    got.items.forEach((it, i) => expect(got.lanes[i]).toBe(expected.get(it.key)));
    index.reset([]);
    expect(index.lanesIn(0, 100)).toEqual({ items: [], lanes: [], count: 0 });
  });
});
