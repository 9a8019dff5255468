/** How agreement figures are written, in the agreement view and in the report alike: an undefined one says so, never 0 or NaN. */
export const percentText = (v: number | null) => (v === null ? 'undefined' : `${v.toFixed(1)}%`);
export const coefficientText = (v: number | null) => (v === null ? 'undefined' : v.toFixed(3));
export const countText = (n: number) => Math.round(n).toLocaleString('en');
