/**
 * Closing or reloading the window while the page says typing is unsaved (its `beforeunload`,
 * renderer/ui/unsavedTyping.ts). Electron ignores the page's request unless main handles
 * `will-prevent-unload`: without this the window would neither close nor ask.
 */
import { dialog } from 'electron';
import type { BrowserWindow } from 'electron';

export function askBeforeLeavingUnsaved(window: BrowserWindow): void {
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      buttons: ['Stay', 'Leave'],
      defaultId: 0,
      cancelId: 0,
      message: 'You have unsaved changes',
      detail:
        'What you just typed is still being saved. Stay a moment to let it finish — or leave now: Marginalia keeps the typing and stores it when the project next opens.',
    });
    // preventDefault here means "ignore the page's objection": the window closes or reloads.
    if (choice === 1) event.preventDefault();
  });
}
