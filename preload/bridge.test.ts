import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, IPC_PREFIX, MENU_CHANNEL } from '../common/contract';
import { createBridge } from './bridge';
import type { BridgeIpc } from './bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(reply: (channel: string, payload: unknown) => unknown) {
  const listeners = new Map<string, Set<Listener>>();
  const invoke = vi.fn(async (channel: string, payload: unknown) => reply(channel, payload));
  const ipc: BridgeIpc = {
    invoke,
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const emit = (channel: string, ...args: unknown[]) => listeners.get(channel)?.forEach((l) => l({ sender: 'x' }, ...args));
  const count = (channel: string) => listeners.get(channel)?.size ?? 0;
  return { ipc, invoke, emit, count };
}

describe('createBridge', () => {
  it('exposes exactly the contract methods plus onMenuCommand, frozen, without IPC objects', () => {
    const bridge = createBridge(fakeIpc(() => ({ ok: true, value: null })).ipc);
    expect(Object.keys(bridge).sort()).toEqual([...API_METHODS, 'onMenuCommand'].sort());
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.values(bridge).every((v) => typeof v === 'function')).toBe(true);
  });

  it('invokes the prefixed channel with the request and returns the unwrapped value', async () => {
    const { ipc, invoke } = fakeIpc(() => ({ ok: true, value: { userName: 'ada' } }));
    const bridge = createBridge(ipc);
    await expect(bridge.getUserInfo({})).resolves.toEqual({ userName: 'ada' });
    expect(invoke).toHaveBeenCalledWith(`${IPC_PREFIX}getUserInfo`, {});
    await bridge.getDocument({ id: 'doc-1' });
    expect(invoke).toHaveBeenLastCalledWith(`${IPC_PREFIX}getDocument`, { id: 'doc-1' });
  });

  it('turns a failure reply into an Error carrying the main process message', async () => {
    const bridge = createBridge(fakeIpc(() => ({ ok: false, error: 'no document with id "x"' })).ipc);
    await expect(bridge.getDocument({ id: 'x' })).rejects.toThrow('no document with id "x"');
  });

  it('rejects replies that are not the envelope', async () => {
    const bridge = createBridge(fakeIpc(() => ({ error: 'bare' })).ipc);
    await expect(bridge.listDocuments({})).rejects.toThrow('listDocuments: unexpected reply from the host');
  });

  it('passes only valid menu commands to listeners and unsubscribes once', () => {
    const { ipc, emit, count } = fakeIpc(() => null);
    const invalid: unknown[] = [];
    const bridge = createBridge(ipc, (v) => invalid.push(v));
    const seen: string[] = [];
    const unsubscribe = bridge.onMenuCommand((c) => seen.push(c));
    emit(MENU_CHANNEL, 'undo');
    emit(MENU_CHANNEL, 'rm -rf');
    emit(MENU_CHANNEL, { command: 'redo' });
    emit(MENU_CHANNEL, 'redo');
    expect(seen).toEqual(['undo', 'redo']);
    expect(invalid).toEqual(['rm -rf', { command: 'redo' }]);
    expect(count(MENU_CHANNEL)).toBe(1);
    unsubscribe();
    unsubscribe();
    expect(count(MENU_CHANNEL)).toBe(0);
    emit(MENU_CHANNEL, 'find');
    expect(seen).toEqual(['undo', 'redo']);
  });

  it('refuses a listener that is not a function', () => {
    const bridge = createBridge(fakeIpc(() => null).ipc);
    expect(() => bridge.onMenuCommand('nope' as unknown as () => void)).toThrow(TypeError);
  });
});
