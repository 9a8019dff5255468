/** The header's Export and Import buttons (also opened from the Electron menu) and their dialogs. */
import { useEffect, useState } from 'react';
import { useServices } from '../../ui/ProjectContext';
import type { CorpusState } from '../../ui/useCorpus';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

export function ExchangeMenu({ corpus }: { corpus: CorpusState }) {
  const { api } = useServices();
  const [open, setOpen] = useState<'export' | 'import' | null>(null);

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command === 'export' || command === 'import') setOpen(command);
      }),
    [api],
  );

  return (
    <div className="exchange-menu">
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('export')}>
        Export
      </button>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('import')}>
        Import
      </button>
      {open === 'export' && <ExportDialog corpus={corpus} onClose={() => setOpen(null)} />}
      {open === 'import' && <ImportDialog corpus={corpus} onClose={() => setOpen(null)} />}
    </div>
  );
}
