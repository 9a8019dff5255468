/** Saving and opening files in a plain browser tab: a download, and an <input type=file> (multiple for documents). */
import { base64ToBytes, bytesToBase64 } from '../../common/bytes';
import type { OpenDocumentsRequest, OpenDocumentsResult, OpenImportRequest, OpenImportResult, SaveExportResult } from '../../common/contract';
import { errorMessage } from '../../common/errorMessage';

export function downloadFile(req: {
  suggestedName: string;
  mimeType: string;
  content: string;
  encoding: 'utf8' | 'base64';
}): SaveExportResult {
  const data = req.encoding === 'base64' ? base64ToBytes(req.content) : req.content;
  const url = URL.createObjectURL(new Blob([data as BlobPart], { type: req.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = req.suggestedName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { saved: true, location: req.suggestedName };
}

export function pickFile(req: OpenImportRequest): Promise<OpenImportResult> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = req.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.setAttribute('aria-label', req.title);
    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      input.remove();
      if (!file) return resolve(null);
      try {
        resolve({ name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) });
      } catch (err) {
        reject(err);
      }
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}

/** Many files at once, read in the order chosen; a file the browser cannot read is that file's error. */
export function pickFiles(req: OpenDocumentsRequest): Promise<OpenDocumentsResult> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = req.extensions.map((e) => `.${e}`).join(',');
    input.style.display = 'none';
    input.setAttribute('aria-label', req.title);
    input.addEventListener('change', async () => {
      const files = [...(input.files ?? [])];
      input.remove();
      if (files.length === 0) return resolve(null);
      resolve(
        await Promise.all(
          files.map(async (file) => {
            try {
              return { name: file.name, base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())) };
            } catch (err) {
              return { name: file.name, error: errorMessage(err) };
            }
          }),
        ),
      );
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve(null);
    });
    document.body.append(input);
    input.click();
  });
}
