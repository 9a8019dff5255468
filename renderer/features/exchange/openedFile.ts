/**
 * A file the operating system asked Marginalia to open (a double-clicked .qdpx) arrives as an
 * import: the format is the one whose extension the file name carries.
 */
import { IMPORT_FORMATS, type ImportFormat } from '../../formats/registry';

export function importFormatForFile(name: string): ImportFormat | null {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return null;
  const extension = name.slice(dot + 1).toLowerCase();
  return IMPORT_FORMATS.find((format) => format.extensions.includes(extension)) ?? null;
}
