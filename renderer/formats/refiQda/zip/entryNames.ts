/**
 * Entry names an archive may use: plain relative paths with forward slashes. Marginalia never
 * writes entries to disk, but a name that climbs out (`../x`), starts at a root (`/x`, `C:/x`,
 * `//server/x`) or hides a separator (`a\x`) is a sign of a crafted archive, and the same name
 * would escape the folder of any tool that unpacks it.
 */

/** Why `name` is not a plain relative path, or null when it is. */
export function entryNameProblem(name: string): string | null {
  if (name.length === 0) return 'has an empty name';
  if (name.includes('\\')) return 'uses backslashes in its path (entry paths use forward slashes)';
  if (name.includes('\0')) return 'has a NUL character in its name';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return 'has an absolute path (entry paths are relative to the archive)';
  if (name.split('/').some((part) => part === '..')) return 'has a path that leads outside the archive ("..")';
  return null;
}
