/**
 * Preload script (bundled to out/preload/index.cjs; runs sandboxed with context isolation).
 * Exposes exactly the MarginaliaBridge on window.marginalia: one function per contract method
 * plus onMenuCommand. ipcRenderer itself is never exposed.
 * A sandboxed preload can require only electron: the contract (which pulls in zod) is imported
 * for types only, here and in ./bridge.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { BRIDGE_NAME } from '../common/contract';
import { createBridge } from './bridge';

const bridgeName: typeof BRIDGE_NAME = 'marginalia';

const bridge = createBridge(ipcRenderer, (value) => {
  console.warn('Marginalia: ignored an unknown menu command', value);
});

contextBridge.exposeInMainWorld(bridgeName, bridge);
