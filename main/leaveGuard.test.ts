import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const answer = { button: 0 };
const asked: Array<{ message: string; buttons: string[] }> = [];
vi.mock('electron', () => ({
  dialog: {
    showMessageBoxSync: (_window: unknown, options: { message: string; buttons: string[] }) => {
      asked.push(options);
      return answer.button;
    },
  },
}));

const { askBeforeLeavingUnsaved } = await import('./leaveGuard');

/** A window whose page objects to being left (its beforeunload), as Electron reports it. */
function windowLeftWithUnsavedTyping() {
  const webContents = new EventEmitter();
  askBeforeLeavingUnsaved({ webContents } as never);
  const event = { preventDefault: vi.fn() };
  webContents.emit('will-prevent-unload', event);
  return event;
}

describe('leaving a window with unsaved typing', () => {
  beforeEach(() => {
    asked.length = 0;
  });

  it('asks, and stays when the analyst says so', () => {
    answer.button = 0;
    const event = windowLeftWithUnsavedTyping();
    expect(asked.map((a) => a.message)).toEqual(['You have unsaved changes']);
    expect(asked[0]!.buttons).toEqual(['Stay', 'Leave']);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('leaves when the analyst chooses Leave', () => {
    answer.button = 1;
    const event = windowLeftWithUnsavedTyping();
    expect(event.preventDefault).toHaveBeenCalledOnce();
  });
});
