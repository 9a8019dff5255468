/**
 * Picks the transport at start: the preload bridge when the app runs in Electron,
 * otherwise HTTP to the Node host that served this page.
 */
import { BRIDGE_NAME, type MarginaliaBridge } from '../../common/contract';
import { createHttpTransport } from './httpTransport';

export type Host = 'electron' | 'web';

export function selectTransport(): { api: MarginaliaBridge; host: Host } {
  const bridge = (window as unknown as Record<string, MarginaliaBridge | undefined>)[BRIDGE_NAME];
  if (bridge) return { api: bridge, host: 'electron' };
  return { api: createHttpTransport(), host: 'web' };
}
