/**
 * Exposes every contract method over IPC as `marginalia:<method>`. Each call is checked to
 * come from the top frame of our own page, then goes through the shared validator; the reply
 * envelope goes back as it is (the HTTP status has no meaning here).
 */
import { ipcMain } from 'electron';
import type { WebFrameMain } from 'electron';
import { API_METHODS, IPC_PREFIX } from '../common/contract';
import type { Reply } from '../common/contract';
import { callApi } from './api';
import type { ApiHandlers } from './api';

export function registerIpcHandlers(handlers: ApiHandlers, isTrustedFrame: (frame: WebFrameMain | null) => boolean): void {
  for (const method of API_METHODS) {
    ipcMain.handle(IPC_PREFIX + method, async (event, payload: unknown): Promise<Reply> => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: `${method} refused: the request did not come from the Marginalia window` };
      }
      return (await callApi(handlers, method, payload)).reply;
    });
  }
}
