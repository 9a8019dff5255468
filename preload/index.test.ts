import { readFileSync, readdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BRIDGE_NAME, IPC_PREFIX, MENU_CHANNEL } from '../common/contract';

/**
 * A sandboxed preload can require('electron') and nothing else (no node_modules), and the
 * build keeps dependencies such as zod external. So every module the preload loads at run
 * time may import only electron or another such module, never the zod-based contract.
 */
const ROOT = resolve(__dirname, '..');

function imports(file: string, { runTimeOnly }: { runTimeOnly: boolean }): string[] {
  const source = readFileSync(file, 'utf8');
  const pattern = runTimeOnly ? /^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm : /^import\s+[^;]*?from\s+'([^']+)'/gm;
  return [...source.matchAll(pattern)].map((m) => m[1] as string);
}

/** Every module the preload loads at run time, as paths from the repository root, plus external packages. */
function runTimeClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    const name = relative(ROOT, file);
    if (seen.has(name)) return;
    seen.add(name);
    for (const specifier of imports(file, { runTimeOnly: true })) {
      if (specifier.startsWith('.')) visit(`${resolve(dirname(file), specifier)}.ts`);
      else seen.add(specifier);
    }
  };
  visit(entry);
  return [...seen].sort();
}

describe('preload imports', () => {
  it('at run time reach only electron, the bridge and the zod-free reply module', () => {
    expect(runTimeClosure(resolve(__dirname, 'index.ts'))).toEqual(['common/reply.ts', 'electron', 'preload/bridge.ts', 'preload/index.ts']);
  });

  it('come only from electron, preload/ and common/, types included', () => {
    const files = readdirSync(__dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const file of files) {
      for (const specifier of imports(resolve(__dirname, file), { runTimeOnly: false })) {
        expect(specifier, `${file} imports ${specifier}`).toMatch(/^(electron|\.\/[^/]+|\.\.\/common\/.+)$/);
      }
    }
  });

  it('restate the contract constants exactly', () => {
    const sources = readFileSync(resolve(__dirname, 'index.ts'), 'utf8') + readFileSync(resolve(__dirname, 'bridge.ts'), 'utf8');
    expect(sources).toContain(`'${BRIDGE_NAME}'`);
    expect(sources).toContain(`'${IPC_PREFIX}'`);
    expect(sources).toContain(`'${MENU_CHANNEL}'`);
  });
});
