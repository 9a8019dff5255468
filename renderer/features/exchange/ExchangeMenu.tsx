/**
 * The header's Export and Import buttons (also opened from the Electron menu) and their dialogs.
 * A file the OS asked Marginalia to open (a double-clicked .qdpx) opens the Import dialog on it.
 */
import { useEffect, useState } from 'react';
import type { OpenedFile } from '../../../common/contract';
import { useServices } from '../../ui/ProjectContext';
import type { CorpusState } from '../../ui/useCorpus';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

export function ExchangeMenu({ corpus }: { corpus: CorpusState }) {
  const { api } = useServices();
  const [open, setOpen] = useState<'export' | 'import' | null>(null);
  // A file the OS asked us to open, with a number so a second one opens a fresh dialog.
  const [opened, setOpened] = useState<{ file: NonNullable<OpenedFile>; seq: number } | null>(null);

  useEffect(() => {
    let live = true;
    const takeOpenedFile = () =>
      api.takeOpenedFile({}).then(
        (file) => {
          if (!live || file === null) return;
          setOpened((previous) => ({ file, seq: (previous?.seq ?? 0) + 1 }));
          setOpen('import');
        },
        // The host cannot be reached: every other call says so too.
        () => {},
      );
    // Files given at start wait in main until the page asks; later ones are announced.
    void takeOpenedFile();
    const off = api.onMenuCommand((command) => {
      if (command === 'export' || command === 'import') {
        setOpened(null);
        setOpen(command);
      }
      if (command === 'open-file') void takeOpenedFile();
    });
    return () => {
      live = false;
      off();
    };
  }, [api]);

  return (
    <div className="exchange-menu">
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen('export')}>
        Export
      </button>
      <button
        type="button"
        aria-haspopup="dialog"
        onClick={() => {
          setOpened(null);
          setOpen('import');
        }}
      >
        Import
      </button>
      {open === 'export' && <ExportDialog corpus={corpus} onClose={() => setOpen(null)} />}
      {open === 'import' && (
        <ImportDialog
          key={opened?.seq ?? 0}
          corpus={corpus}
          opened={opened?.file}
          onClose={() => {
            setOpened(null);
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
