import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate } from './menuTemplate';

function flatten(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, isDev = false) {
  const sent: string[] = [];
  const template = buildMenuTemplate({ platform, appName: 'Marginalia', isDev, send: (c) => sent.push(c) });
  return { template, sent, all: flatten(template) };
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('buildMenuTemplate', () => {
  it('sends the app commands to the renderer instead of native undo/redo roles', () => {
    const { all, sent } = build('linux');
    for (const label of ['Undo', 'Redo', 'Export…', 'Import…', 'Find…', 'Search All Documents…', 'New Project…', 'Open Project…', 'Save Project As…']) {
      click(all.find((i) => i.label === label));
    }
    expect(sent).toEqual(['undo', 'redo', 'export', 'import', 'find', 'search', 'new-project', 'open-project', 'save-project-as']);
    expect(all.some((i) => i.role === 'undo' || i.role === 'redo')).toBe(false);
    expect(all.filter((i) => i.role !== undefined).map((i) => i.role)).toEqual(
      expect.arrayContaining(['copy', 'selectAll', 'quit', 'windowMenu', 'help']),
    );
  });

  it('gives each app command a stable id: the command it sends', () => {
    const { template, all, sent } = build('linux');
    const file = template.find((i) => i.label === 'File');
    const fileIds = (file?.submenu as MenuItemConstructorOptions[]).flatMap((i) => (i.id === undefined ? [] : [i.id]));
    expect(fileIds).toEqual(['new-project', 'open-project', 'save-project-as', 'export', 'import', 'add-documents']);
    for (const id of fileIds) click(all.find((i) => i.id === id));
    expect(sent).toEqual(fileIds);
    const ids = all.flatMap((i) => (i.id === undefined ? [] : [i.id]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has File, Edit, View, Window, Help, plus the app menu on macOS', () => {
    expect(build('linux').template.map((i) => i.label ?? i.role)).toEqual(['File', 'Edit', 'View', 'windowMenu', 'help']);
    expect(build('darwin').template[0]).toMatchObject({ role: 'appMenu' });
    expect(build('darwin').all.find((i) => i.label === 'Redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z');
    expect(build('darwin').all.some((i) => i.role === 'recentDocuments')).toBe(true);
    expect(build('linux').all.some((i) => i.role === 'recentDocuments')).toBe(false);
  });

  it('offers Reload and DevTools only in development', () => {
    expect(build('linux').all.some((i) => i.role === 'toggleDevTools' || i.role === 'reload')).toBe(false);
    expect(build('linux', true).all.some((i) => i.role === 'toggleDevTools')).toBe(true);
  });
});
