/** A count with its noun, for messages: "1 segment", "2 segments", "1,204 codings", "3 codes were". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}
