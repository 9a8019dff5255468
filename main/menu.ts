/** Installs the application menu; clicks on app commands go to the window in front. */
import { Menu, app } from 'electron';
import type { BrowserWindow } from 'electron';
import { MENU_CHANNEL } from '../common/contract';
import { buildMenuTemplate } from './menuTemplate';

export function installAppMenu(getTargetWindow: () => BrowserWindow | null): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    isDev: !app.isPackaged,
    send: (command) => getTargetWindow()?.webContents.send(MENU_CHANNEL, command),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
