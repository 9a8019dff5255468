import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_NAME, IPC_PREFIX, MENU_CHANNEL } from '../common/contract';

/**
 * A sandboxed preload can require('electron') and nothing else (no node_modules), and the
 * build keeps dependencies such as zod external. So every module the preload loads at run
 * time may import only electron or another such module, never the zod-based contract.
 */
function runtimeImports(file: string): string[] {
  const source = readFileSync(resolve(__dirname, file), 'utf8');
  return [...source.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1] as string);
}

describe('preload run-time imports', () => {
  it('reach only electron and the bridge module', () => {
    expect(runtimeImports('index.ts')).toEqual(['electron', './bridge']);
    expect(runtimeImports('bridge.ts')).toEqual([]);
  });

  it('restate the contract constants exactly', () => {
    const sources = readFileSync(resolve(__dirname, 'index.ts'), 'utf8') + readFileSync(resolve(__dirname, 'bridge.ts'), 'utf8');
    expect(sources).toContain(`'${BRIDGE_NAME}'`);
    expect(sources).toContain(`'${IPC_PREFIX}'`);
    expect(sources).toContain(`'${MENU_CHANNEL}'`);
  });
});
