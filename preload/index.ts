/**
 * Preload script (bundled to out/preload/index.cjs; runs sandboxed with context isolation).
 * Exposes exactly the MarginaliaBridge on window.marginalia: one function per contract method
 * plus onMenuCommand. ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME } from './contract';
import { createBridge } from './bridge';

const bridge = createBridge(ipcRenderer, (value) => {
  console.warn('Marginalia: ignored an unknown menu command', value);
});

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
