/**
 * The bridge object the preload script exposes on window[BRIDGE_NAME], built over a minimal
 * IPC interface so it can be unit-tested without Electron. Only plain functions cross the
 * context bridge: the page never sees ipcRenderer, IPC events or channel names.
 */
import { API_METHODS, IPC_PREFIX, MENU_CHANNEL, MenuCommandSchema } from './contract';
import type { ApiMethod, MarginaliaApi, MarginaliaBridge, MenuCommand } from './contract';

/** The subset of ipcRenderer the bridge needs. */
export interface BridgeIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * What every IPC handler resolves to (main/ipc.ts). Failures come back as values rather than
 * rejections so the renderer gets our message, not Electron's "Error invoking remote method…".
 */
export type IpcOutcome = { ok: true; value: unknown } | { ok: false; error: string };

export function unwrapOutcome(method: string, outcome: unknown): unknown {
  if (typeof outcome === 'object' && outcome !== null && 'ok' in outcome) {
    const o = outcome as { ok: unknown; value?: unknown; error?: unknown };
    if (o.ok === true) return o.value;
    if (o.ok === false && typeof o.error === 'string') throw new Error(o.error);
  }
  throw new Error(`${method}: unexpected reply from the main process`);
}

export function createBridge(ipc: BridgeIpc, onInvalidCommand: (value: unknown) => void = () => {}): MarginaliaBridge {
  const call =
    (method: ApiMethod) =>
    async (request: unknown): Promise<unknown> =>
      unwrapOutcome(method, await ipc.invoke(IPC_PREFIX + method, request ?? {}));

  const methods: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const method of API_METHODS) methods[method] = call(method);

  const onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    const handler = (_event: unknown, value: unknown): void => {
      // Only known commands reach the page, and never the IPC event (it carries the sender).
      const parsed = MenuCommandSchema.safeParse(value);
      if (parsed.success) listener(parsed.data);
      else onInvalidCommand(value);
    };
    ipc.on(MENU_CHANNEL, handler);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(MENU_CHANNEL, handler);
    };
  };

  // The typed API is built from API_METHODS, so a method added to the contract is bridged too.
  const api = methods as unknown as MarginaliaApi;
  return Object.freeze({ ...api, onMenuCommand });
}
