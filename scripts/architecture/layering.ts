/**
 * The house's layering rules (see /work/shared/ARCHITECTURE.md and docs/architecture.md), checked
 * on every import edge the way VS Code's `code-layering` lint rule checks its layers.
 */
import type { ImportEdge } from './importGraph';
import { importCycles } from './cycles';

export interface Violation {
  file: string;
  /** The import as written, with what it resolved to when that differs. */
  imports: string;
  rule: string;
}

/** Libraries without DOM, Node or UI: what the pure model may use (search's English stemmer beside zod). */
const PURE_LIBRARIES = ['zod', 'wink-porter2-stemmer'];
/**
 * The parsers document converters are built on: pure JavaScript that needs no DOM, Node or
 * Electron, so the one converters/ folder serves the renderer (in a Web Worker) and main/ (a
 * --corpus folder) alike — neither may import the other, and common/ keeps to zod.
 */
const CONVERTER_LIBRARIES = ['mammoth', 'pdfjs-dist', 'htmlparser2', 'markdown-it'];
/** What renders: layers below the UI must not import these. */
const UI_LIBRARIES = ['react', 'react-dom', 'lexical', '@lexical/react', '@lexical/utils'];
/** Test files run in Node under Vitest and may use its tools beside what their layer allows. */
const TEST_LIBRARIES = ['vitest', 'fake-indexeddb', 'papaparse'];
const isNodeBuiltin = (target: string) => target.startsWith('node:');

/**
 * The only imports between sibling features, each for a reason. Anything else a second feature
 * needs belongs in renderer/ui/ (shared UI) or renderer/project/ (shared state).
 */
const ALLOWED_FEATURE_IMPORTS: readonly { from: string; to: string; why: string }[] = [
  {
    from: 'reader',
    to: 'coding',
    why: 'the reader hosts the Apply-code toolbar and the digit shortcuts on its selection; coding owns them',
  },
];

const under = (path: string, ...dirs: string[]) => dirs.some((dir) => path.startsWith(`${dir}/`));
const featureOf = (path: string) => /^renderer\/features\/([^/]+)\//.exec(path)?.[1] ?? null;
const isTestFile = (path: string) => /\.test\.tsx?$/.test(path);

interface Rule {
  text: string;
  /** The rule governs imports made by this file … */
  appliesTo: (file: string) => boolean;
  /** … and this import breaks it. */
  breaks: (edge: ImportEdge) => boolean;
}

const only = (dirs: string[], libraries: string[]) => (edge: ImportEdge) =>
  edge.local ? !under(edge.target, ...dirs) : !libraries.includes(edge.target);

const RULES: readonly Rule[] = [
  {
    text: 'common/ imports only zod and common/',
    appliesTo: (file) => under(file, 'common'),
    breaks: only(['common'], ['zod']),
  },
  {
    text: `converters/ imports only common/, converters/ and its parsers (${CONVERTER_LIBRARIES.join(', ')})`,
    appliesTo: (file) => under(file, 'converters'),
    breaks: only(['common', 'converters'], CONVERTER_LIBRARIES),
  },
  {
    text: `renderer/domain/ imports only common/, renderer/domain/ and pure libraries (${PURE_LIBRARIES.join(', ')})`,
    appliesTo: (file) => under(file, 'renderer/domain'),
    breaks: only(['common', 'renderer/domain'], PURE_LIBRARIES),
  },
  {
    text: 'main/ never imports renderer/',
    appliesTo: (file) => under(file, 'main'),
    breaks: (edge) => edge.local && under(edge.target, 'renderer'),
  },
  {
    text: 'renderer/ never imports main/',
    appliesTo: (file) => under(file, 'renderer'),
    breaks: (edge) => edge.local && under(edge.target, 'main'),
  },
  {
    text: 'preload/ imports only common/, preload/ and electron',
    appliesTo: (file) => under(file, 'preload'),
    breaks: only(['common', 'preload'], ['electron']),
  },
  {
    text: 'renderer/viewer/ never imports renderer/store/, renderer/project/ or renderer/features/',
    appliesTo: (file) => under(file, 'renderer/viewer'),
    breaks: (edge) => edge.local && under(edge.target, 'renderer/store', 'renderer/project', 'renderer/features'),
  },
  {
    text: 'renderer/{project,store,formats,domain}/ import no React or Lexical and nothing from features/, shell/ or ui/',
    appliesTo: (file) => under(file, 'renderer/project', 'renderer/store', 'renderer/formats', 'renderer/domain'),
    breaks: (edge) =>
      edge.local
        ? under(edge.target, 'renderer/features', 'renderer/shell', 'renderer/ui')
        : UI_LIBRARIES.includes(edge.target),
  },
  {
    text: 'renderer/ui/ (shared primitives) imports nothing from features/ or shell/',
    appliesTo: (file) => under(file, 'renderer/ui'),
    breaks: (edge) => edge.local && under(edge.target, 'renderer/features', 'renderer/shell'),
  },
  {
    text: 'a feature imports no sibling feature (except ALLOWED_FEATURE_IMPORTS)',
    appliesTo: (file) => featureOf(file) !== null,
    breaks: (edge) => {
      const from = featureOf(edge.from);
      const to = edge.local ? featureOf(edge.target) : null;
      return to !== null && to !== from && !ALLOWED_FEATURE_IMPORTS.some((pair) => pair.from === from && pair.to === to);
    },
  },
  {
    text: 'only renderer/main.tsx imports renderer/shell/ (the top floor)',
    appliesTo: (file) => file !== 'renderer/main.tsx' && !under(file, 'renderer/shell'),
    breaks: (edge) => edge.local && under(edge.target, 'renderer/shell'),
  },
];

/**
 * Tests may use their tools beside their layer's own imports: Vitest, Node's built-ins, reference
 * parsers, and the repository's dev scripts (the synthetic data's seeded PRNG makes random tests
 * reproducible). None of these ship.
 */
const isTestTool = (edge: ImportEdge) =>
  isTestFile(edge.from) &&
  (edge.local ? under(edge.target, 'scripts') : TEST_LIBRARIES.includes(edge.target) || isNodeBuiltin(edge.target));

export function layeringViolations(edges: readonly ImportEdge[]): Violation[] {
  return edges.flatMap((edge) =>
    isTestTool(edge)
      ? []
      : RULES.filter((rule) => rule.appliesTo(edge.from) && rule.breaks(edge)).map((rule) => ({
          file: edge.from,
          imports: edge.local && edge.target !== edge.specifier ? `${edge.specifier} (${edge.target})` : edge.specifier,
          rule: rule.text,
        })),
  );
}

export function cycleViolations(edges: readonly ImportEdge[]): Violation[] {
  return importCycles(edges).map((cycle) => ({
    file: cycle[0]!,
    imports: cycle.slice(1).join(' → '),
    rule: 'no import cycles',
  }));
}

export const formatViolation = (v: Violation) => `${v.file} → ${v.imports}: ${v.rule}`;
