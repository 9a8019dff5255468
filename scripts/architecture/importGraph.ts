/**
 * The import graph of the app's source: every specifier a file names, resolved to a repository
 * file or to the package it comes from. Parsed with the TypeScript compiler (not a regex), so
 * multi-line imports, `import type`, re-exports, `import()` and `new URL('./x.ts',
 * import.meta.url)` workers are all seen, and strings or comments that look like imports are not.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import ts from 'typescript';

export interface SourceFile {
  /** Repository-relative, forward slashes: `renderer/domain/model.ts`. */
  path: string;
  text: string;
}

export type ImportKind = 'static' | 'type' | 'dynamic' | 'url';

export interface ImportEdge {
  from: string;
  /** As written in the source. */
  specifier: string;
  kind: ImportKind;
  /** A repository path for a relative specifier, else the package name (`react`, `@lexical/react`, `node:fs`). */
  target: string;
  local: boolean;
}

const SOURCE_ROOTS = ['common', 'converters', 'main', 'preload', 'renderer'];

export function readSourceFiles(repoRoot: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(repoRoot, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        files.push({ path, text: readFileSync(join(repoRoot, path), 'utf8') });
      }
    }
  };
  for (const root of SOURCE_ROOTS) walk(root);
  return files;
}

export function importEdges(files: readonly SourceFile[]): ImportEdge[] {
  const known = new Set(files.map((file) => file.path));
  return files.flatMap((file) =>
    specifiersOf(file).map(({ specifier, kind }) => {
      const local = specifier.startsWith('.');
      const target = local ? resolveLocal(file.path, specifier, known) : packageOf(specifier);
      return { from: file.path, specifier, kind, target, local };
    }),
  );
}

function specifiersOf(file: SourceFile): { specifier: string; kind: ImportKind }[] {
  const scriptKind = file.path.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, scriptKind);
  const found: { specifier: string; kind: ImportKind }[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, kind: node.importClause?.isTypeOnly ? 'type' : 'static' });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, kind: node.isTypeOnly ? 'type' : 'static' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, kind: 'type' });
    } else if (isDynamicImport(node)) {
      found.push({ specifier: node.arguments[0].text, kind: 'dynamic' });
    } else if (isUrlOfModule(node)) {
      found.push({ specifier: node.arguments[0].text, kind: 'url' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function isDynamicImport(node: ts.Node): node is ts.CallExpression & { arguments: [ts.StringLiteral] } {
  return (
    ts.isCallExpression(node) &&
    node.expression.kind === ts.SyntaxKind.ImportKeyword &&
    node.arguments[0] !== undefined &&
    ts.isStringLiteral(node.arguments[0])
  );
}

/** `new URL('./worker.ts', import.meta.url)`: how Vite bundles a worker, so it is an import. */
function isUrlOfModule(node: ts.Node): node is ts.NewExpression & { arguments: [ts.StringLiteral, ts.Expression] } {
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'URL') return false;
  const [href, base] = node.arguments ?? [];
  return (
    href !== undefined &&
    ts.isStringLiteral(href) &&
    href.text.startsWith('.') &&
    base !== undefined &&
    ts.isPropertyAccessExpression(base) &&
    ts.isMetaProperty(base.expression) &&
    base.name.text === 'url'
  );
}

const RESOLVED_SUFFIXES = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** Resolves like the bundler; a file that is not TypeScript (a stylesheet) keeps its joined path. */
function resolveLocal(from: string, specifier: string, known: ReadonlySet<string>): string {
  const joined = posix.join(posix.dirname(from), specifier);
  return RESOLVED_SUFFIXES.map((suffix) => joined + suffix).find((path) => known.has(path)) ?? joined;
}

/** `@lexical/react/LexicalComposer` → `@lexical/react`; `react-dom/client` → `react-dom`; `node:fs/promises` → `node:fs`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}
