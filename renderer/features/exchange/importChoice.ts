/**
 * Which format a chosen file is read as: the one its content says it is. A .qdpx picked while
 * "Project backup (JSON)" was selected is read as a .qdpx, and the analyst is told so; a file
 * Import cannot read (a PDF, a W3C export) is refused with what it is and where it belongs.
 * A file nothing recognises is left to the selected format, whose reader says what is wrong.
 */
import type { FormatDefinition } from '../../formats/format';
import { recognisedFormat, type ImportFormat } from '../../formats/registry';

export type ImportChoice = { format: ImportFormat; note: string | null } | { refused: string };

const readsFiles = (format: FormatDefinition): format is ImportFormat => format.import?.picks === 'file';

export function importChoice(bytes: Uint8Array, selected: ImportFormat, fileName: string): ImportChoice {
  const recognised = recognisedFormat(bytes);
  if (recognised === null || recognised.id === selected.id) return { format: selected, note: null };
  if (readsFiles(recognised)) {
    return { format: recognised, note: `${fileName} is a ${recognised.label}, not a ${selected.label}: it was read as a ${recognised.label}.` };
  }
  if (recognised.document) {
    return { refused: `${fileName} is a ${recognised.label}: add it to the project with Add documents…, not Import.` };
  }
  return { refused: `${fileName} is a ${recognised.label} file, which Marginalia writes but cannot import.` };
}
