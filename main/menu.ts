/** Installs the application menu; clicks on app commands go to the window in front. */
import { Menu, app } from 'electron';
import type { BrowserWindow } from 'electron';
import { MENU_CHANNEL } from '../common/contract';
import { buildMenuTemplate } from './menuTemplate';

/** `isDev`: the explicit development flag (main/devMode.ts), not merely an unpackaged app. */
export function installAppMenu(getTargetWindow: () => BrowserWindow | null, isDev: boolean): void {
  const template = buildMenuTemplate({
    platform: process.platform,
    appName: app.getName(),
    isDev,
    send: (command) => getTargetWindow()?.webContents.send(MENU_CHANNEL, command),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
