/** Saving what analysis produces through the hosts' one save path (main saves; the browser downloads). */
import type { MarginaliaBridge } from '../../../common/contract';
import { localDate } from '../../formats/registry';

export interface SavedFile {
  saved: boolean;
  location: string | null;
}

/** `name` without extension; the date is added, as exports name their files. */
export function fileName(name: string, extension: string): string {
  const safe = name.replace(/[\\/\0:*?"<>|]+/g, '-').replace(/\s+/g, '-').slice(0, 80);
  return `marginalia-${safe}-${localDate(new Date())}.${extension}`;
}

export function saveText(api: MarginaliaBridge, suggestedName: string, mimeType: string, content: string): Promise<SavedFile> {
  return api.saveExport({ suggestedName, mimeType, content, encoding: 'utf8' });
}

export function saveBase64(api: MarginaliaBridge, suggestedName: string, mimeType: string, base64: string): Promise<SavedFile> {
  return api.saveExport({ suggestedName, mimeType, content: base64, encoding: 'base64' });
}

/** What the analyst is told after saving. */
export function savedMessage(saved: SavedFile, host: 'electron' | 'web'): string {
  if (!saved.saved) return 'Nothing was saved.';
  return host === 'electron' ? `Saved to ${saved.location ?? 'the chosen file'}.` : `Downloaded ${saved.location ?? 'the file'}.`;
}
