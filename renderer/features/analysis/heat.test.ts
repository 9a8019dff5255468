import { describe, expect, it } from 'vitest';
import { heatStyle } from './heat';

const rgb = (s: string) => s.match(/\d+/g)!.map(Number);
const lum = (c: number[]) => {
  const ch = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * ch(c[0]!) + 0.7152 * ch(c[1]!) + 0.0722 * ch(c[2]!);
};
const ratio = (a: number[], b: number[]) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
};

describe('heat colours', () => {
  it('keep AA contrast for every value, light and dark, and grow with the value', () => {
    for (const dark of [false, true]) {
      let previous = -1;
      for (let v = 0; v <= 100; v++) {
        const s = heatStyle(v, 100, dark);
        expect(ratio(rgb(s.backgroundColor), rgb(s.color)), `${dark} ${v}`).toBeGreaterThanOrEqual(4.5);
        const distance = Math.abs(lum(rgb(s.backgroundColor)) - lum(rgb(heatStyle(0, 100, dark).backgroundColor)));
        expect(distance).toBeGreaterThanOrEqual(previous - 1e-9);
        previous = distance;
      }
    }
  });
});
