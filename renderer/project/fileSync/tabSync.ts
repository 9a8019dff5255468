/**
 * Windows and tabs of one project in step: each window tells the others (a BroadcastChannel of
 * its origin, so exactly the windows sharing its database) what it stored; they show it
 * without storing it again and without putting it on their own Undo list. When a window opens
 * another project (or saves this one under a new name), the others reload onto it.
 */
import type { Change } from '../../domain/change';
import type { Settings } from '../../domain/model';

export type TabMessage =
  | { type: 'change'; projectId: string; change: Pick<Change, 'label' | 'forward'> }
  | { type: 'settings'; projectId: string; settings: Settings }
  | { type: 'switched' };

export interface TabChannel {
  postMessage(message: TabMessage): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export const CHANNEL_NAME = 'marginalia-project';

export function openTabChannel(): TabChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : (new BroadcastChannel(CHANNEL_NAME) as unknown as TabChannel);
}

export interface TabHandlers {
  /** The project this window has open (messages of another are ignored). */
  projectId: () => string | null;
  change: (change: Pick<Change, 'label' | 'forward'>) => void;
  settings: (settings: Settings) => void;
  switched: () => void;
}

export class TabSync {
  constructor(
    private readonly channel: TabChannel | null,
    handlers: TabHandlers,
  ) {
    channel?.addEventListener('message', ({ data }) => {
      const message = data as TabMessage | null;
      if (message?.type === 'switched') return handlers.switched();
      if (message === null || message.projectId !== handlers.projectId()) return;
      if (message.type === 'change') handlers.change(message.change);
      else if (message.type === 'settings') handlers.settings(message.settings);
    });
  }

  post(message: TabMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch (err) {
      // A change too large to clone reaches the other windows when they next load.
      console.warn('Other windows were not told of a change:', err);
    }
  }

  close(): void {
    this.channel?.close();
  }
}
