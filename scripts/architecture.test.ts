/**
 * The layering of common/, main/, preload/ and renderer/, enforced in the suite (as VS Code
 * enforces `code-layering`): a failure lists each offending file → import and the rule it breaks.
 */
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importEdges, readSourceFiles, type SourceFile } from './architecture/importGraph';
import { cycleViolations, formatViolation, layeringViolations } from './architecture/layering';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

describe('architecture', () => {
  const edges = importEdges(readSourceFiles(repoRoot));

  it('reads the imports of the whole app (so the rules below are not checked against nothing)', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges.some((edge) => edge.kind === 'url' && edge.target === 'renderer/formats/refiQda/qdpxWorker.ts')).toBe(true);
  });

  it('keeps every layer to the imports it is allowed', () => {
    expect(layeringViolations(edges).map(formatViolation)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(cycleViolations(edges).map(formatViolation)).toEqual([]);
  });
});

describe('the architecture checker', () => {
  const check = (files: SourceFile[]) => {
    const edges = importEdges(files);
    return [...layeringViolations(edges), ...cycleViolations(edges)].map(formatViolation);
  };

  it('reports each kind of import that breaks a rule, and a cycle with its path', () => {
    const violations = check([
      { path: 'common/bytes.ts', text: `import { useState } from 'react';\nimport type { Code } from '../renderer/domain/model';` },
      { path: 'renderer/domain/model.ts', text: `export const load = () => import('../store/db');` },
      { path: 'renderer/store/db.ts', text: `export {};` },
      { path: 'main/api.ts', text: `import {\n  toCsv,\n} from '../renderer/formats/csv/csv';` },
      { path: 'renderer/formats/csv/csv.ts', text: `export {};` },
      { path: 'renderer/viewer/paint.ts', text: `const worker = new Worker(new URL('../project/worker.ts', import.meta.url));` },
      { path: 'renderer/project/worker.ts', text: `export type { X } from '../features/segment/Panel';` },
      { path: 'renderer/features/segment/Panel.tsx', text: `import '../codebook/List';\nimport '../../shell/App';` },
      { path: 'renderer/features/codebook/List.tsx', text: `import '../segment/Panel';` },
      { path: 'renderer/shell/App.tsx', text: `// import 'electron' in a comment is no import\nexport {};` },
    ]);
    expect(violations).toEqual([
      "common/bytes.ts → react: common/ imports only zod and common/",
      "common/bytes.ts → ../renderer/domain/model (renderer/domain/model.ts): common/ imports only zod and common/",
      "renderer/domain/model.ts → ../store/db (renderer/store/db.ts): renderer/domain/ imports only common/, renderer/domain/ and pure libraries (zod, wink-porter2-stemmer)",
      "main/api.ts → ../renderer/formats/csv/csv (renderer/formats/csv/csv.ts): main/ never imports renderer/",
      "renderer/viewer/paint.ts → ../project/worker.ts (renderer/project/worker.ts): renderer/viewer/ never imports renderer/store/, renderer/project/ or renderer/features/",
      "renderer/project/worker.ts → ../features/segment/Panel (renderer/features/segment/Panel.tsx): renderer/{project,store,formats,domain}/ import no React or Lexical and nothing from features/, shell/ or ui/",
      "renderer/features/segment/Panel.tsx → ../codebook/List (renderer/features/codebook/List.tsx): a feature imports no sibling feature (except ALLOWED_FEATURE_IMPORTS)",
      "renderer/features/segment/Panel.tsx → ../../shell/App (renderer/shell/App.tsx): only renderer/main.tsx imports renderer/shell/ (the top floor)",
      "renderer/features/codebook/List.tsx → ../segment/Panel (renderer/features/segment/Panel.tsx): a feature imports no sibling feature (except ALLOWED_FEATURE_IMPORTS)",
      'renderer/features/codebook/List.tsx → renderer/features/segment/Panel.tsx → renderer/features/codebook/List.tsx: no import cycles',
    ]);
  });

  it('lets tests use their tools, and reader use coding', () => {
    expect(
      check([
        { path: 'common/text/x.test.ts', text: `import { it } from 'vitest';\nimport { readFileSync } from 'node:fs';\nimport './x';` },
        { path: 'common/text/x.ts', text: `import { z } from 'zod';` },
        { path: 'renderer/domain/random.test.ts', text: `import { mulberry32 } from '../../scripts/synth/prng';` },
        { path: 'renderer/features/reader/Pane.tsx', text: `import '../coding/Toolbar';` },
        { path: 'renderer/features/coding/Toolbar.tsx', text: `import { useState } from 'react';` },
      ]),
    ).toEqual([]);
  });
});
