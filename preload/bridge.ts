/**
 * The bridge object the preload script exposes on window[BRIDGE_NAME], built over a minimal
 * IPC interface so it can be unit-tested without Electron. Only plain functions cross the
 * context bridge: the page never sees ipcRenderer, IPC events or channel names.
 */
import type { ApiMethod, IPC_PREFIX, MENU_CHANNEL, MarginaliaApi, MarginaliaBridge, MenuCommand } from '../common/contract';
import { unwrapReply } from '../common/reply';

// Only type imports from the contract: it pulls in zod, which the build keeps external, and a
// sandboxed preload can require nothing but electron (common/reply imports nothing at run time
// and is bundled in). The constants are restated, typed against the contract so the compiler
// catches drift; Record<…, true> demands every method and command and refuses unknown ones.
const ipcPrefix: typeof IPC_PREFIX = 'marginalia:';
const menuChannel: typeof MENU_CHANNEL = 'marginalia:menu';
const METHODS: Record<ApiMethod, true> = {
  listDocuments: true,
  corpusProgress: true,
  getDocument: true,
  saveExport: true,
  openImport: true,
  openDocuments: true,
  getUserInfo: true,
  takeOpenedFile: true,
  getProjectState: true,
  readProject: true,
  appendJournal: true,
  listProjects: true,
  newProject: true,
  openProject: true,
  saveProjectAs: true,
  chooseDocumentsFolder: true,
  unavailableTexts: true,
  restoreDocumentText: true,
};
const MENU_COMMANDS: Record<MenuCommand, true> = {
  undo: true,
  redo: true,
  export: true,
  import: true,
  find: true,
  search: true,
  'open-file': true,
  'add-documents': true,
  'new-project': true,
  'open-project': true,
  'save-project-as': true,
  'project-changed': true,
};

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MENU_COMMANDS, value);
}

/** The subset of ipcRenderer the bridge needs. */
export interface BridgeIpc {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export function createBridge(ipc: BridgeIpc, onInvalidCommand: (value: unknown) => void = () => {}): MarginaliaBridge {
  const call =
    (method: ApiMethod) =>
    async (request: unknown): Promise<unknown> =>
      unwrapReply(method, await ipc.invoke(ipcPrefix + method, request ?? {}));

  const methods: Record<string, (request: unknown) => Promise<unknown>> = {};
  for (const method of Object.keys(METHODS) as ApiMethod[]) methods[method] = call(method);

  const onMenuCommand = (listener: (command: MenuCommand) => void): (() => void) => {
    if (typeof listener !== 'function') throw new TypeError('onMenuCommand needs a function');
    const handler = (_event: unknown, value: unknown): void => {
      // Only known commands reach the page, and never the IPC event (it carries the sender).
      if (isMenuCommand(value)) listener(value);
      else onInvalidCommand(value);
    };
    ipc.on(menuChannel, handler);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(menuChannel, handler);
    };
  };

  // METHODS is checked against ApiMethod, so a method added to the contract must be bridged too.
  const api = methods as unknown as MarginaliaApi;
  return Object.freeze({ ...api, onMenuCommand });
}
