/**
 * The application menu as a template. Undo/Redo, Export, Import, Find and Search are the app's own
 * commands (undo history lives in the renderer's store), so those items send a MENU_CHANNEL
 * command to the window instead of using native roles; clipboard and window items keep
 * their native roles. Only a type is imported from Electron, so this is unit-testable.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../common/contract';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  appName: string;
  /** Development builds get Reload and DevTools. */
  isDev: boolean;
  /** Delivers a command to the focused Marginalia window. */
  send: (command: MenuCommand) => void;
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { send } = options;
  const isMac = options.platform === 'darwin';
  // The renderer handles Undo/Redo/Find keys itself (so a text field's own undo still works);
  // for those the menu only shows the accelerator instead of registering it, or one key
  // press would act twice.
  const command = (
    label: string,
    cmd: MenuCommand,
    accelerator: string,
    keysHandledByRenderer = false,
  ): MenuItemConstructorOptions => ({
    // The command doubles as a stable id (Menu.getMenuItemById), which the desktop e2e specs click by.
    id: cmd,
    label,
    accelerator,
    registerAccelerator: !keysHandledByRenderer,
    click: () => send(cmd),
  });

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('New Project…', 'new-project', 'CmdOrCtrl+Shift+N'),
      command('Open Project…', 'open-project', 'CmdOrCtrl+Shift+P'),
      // macOS keeps the recent list itself (app.addRecentDocument); elsewhere the window's Project menu lists it.
      ...(isMac ? [{ role: 'recentDocuments', submenu: [{ role: 'clearRecentDocuments' }] } as MenuItemConstructorOptions] : []),
      command('Save Project As…', 'save-project-as', 'CmdOrCtrl+Shift+S'),
      { type: 'separator' },
      command('Export…', 'export', 'CmdOrCtrl+E'),
      command('Import…', 'import', 'CmdOrCtrl+O'),
      command('Add documents…', 'add-documents', 'CmdOrCtrl+Shift+O'),
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit', label: 'Quit' },
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z', true),
      command('Redo', 'redo', isMac ? 'Shift+CmdOrCtrl+Z' : 'CmdOrCtrl+Y', true),
      { type: 'separator' },
      // Cut and paste are kept for memo fields: on macOS they only work with a menu role.
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Find…', 'find', 'CmdOrCtrl+F', true),
      command('Search All Documents…', 'search', 'Shift+CmdOrCtrl+F', true),
    ],
  };

  const viewItems: MenuItemConstructorOptions[] = [];
  if (options.isDev) viewItems.push({ role: 'reload' }, { role: 'toggleDevTools' }, { type: 'separator' });
  viewItems.push({ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' });

  const template: MenuItemConstructorOptions[] = [];
  if (isMac) template.push({ label: options.appName, role: 'appMenu' });
  template.push(
    file,
    edit,
    { label: 'View', submenu: viewItems },
    { role: 'windowMenu' },
    { role: 'help', submenu: [{ role: 'about', label: `About ${options.appName}` }] },
  );
  return template;
}
