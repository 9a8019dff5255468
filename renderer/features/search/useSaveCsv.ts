/** Saves a CSV through the host (a save dialog in the desktop app, a download in the browser) and says where it went. */
import { useCallback, useState } from 'react';
import { useServices } from '../../ui/ProjectContext';
import { errorMessage } from '../../../common/errorMessage';

export function useSaveCsv() {
  const { api, host } = useServices();
  const [message, setMessage] = useState<string | null>(null);
  const save = useCallback(
    async (name: string, content: () => Promise<string> | string) => {
      setMessage(null);
      try {
        const saved = await api.saveExport({ suggestedName: name, mimeType: 'text/csv', content: await content(), encoding: 'utf8' });
        if (!saved.saved) setMessage('Nothing was saved.');
        else setMessage(host === 'electron' ? `Saved to ${saved.location ?? 'the chosen file'}.` : `Downloaded ${saved.location ?? 'the file'}.`);
      } catch (err) {
        setMessage(`The CSV could not be saved: ${errorMessage(err)}`);
      }
    },
    [api, host],
  );
  return { save, message };
}
