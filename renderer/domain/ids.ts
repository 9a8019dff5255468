/** Row ids: random UUIDs (global `crypto` exists in browsers, Electron's renderer and Node 20). */
export function newId(): string {
  return crypto.randomUUID();
}
