/**
 * Pure helpers for scripts/electronegativity.ts: read Electronegativity's SARIF report and its
 * console output, and decide which findings the allow-list explains. Kept apart from the
 * runner so the matching rules are unit-tested.
 */
import { z } from 'zod';

export interface Finding {
  check: string;
  /** Path relative to the repository root, with forward slashes (e.g. "main/window.ts"). */
  file: string;
  line: number;
  column: number;
  message: string;
}

const SarifSchema = z.object({
  runs: z.array(
    z.object({
      results: z.array(
        z.object({
          ruleId: z.string(),
          message: z.object({ text: z.string() }),
          locations: z
            .array(
              z.object({
                physicalLocation: z.object({
                  artifactLocation: z.object({ uri: z.string() }),
                  region: z.object({ startLine: z.number(), startColumn: z.number() }).partial().optional(),
                }),
              }),
            )
            .optional(),
        }),
      ),
    }),
  ),
});

/** Findings from a SARIF report written with `-r` (paths relative to the scanned folder). */
export function findingsFromSarif(sarifText: string): Finding[] {
  const sarif = SarifSchema.parse(JSON.parse(sarifText));
  return sarif.runs.flatMap((run) =>
    run.results.map((result) => {
      const location = result.locations?.[0]?.physicalLocation;
      return {
        check: result.ruleId,
        file: (location?.artifactLocation.uri ?? 'N/A').replace(/\\/g, '/').replace(/^\.\//, ''),
        line: location?.region?.startLine ?? 0,
        column: location?.region?.startColumn ?? 0,
        message: result.message.text,
      };
    }),
  );
}

export interface ParseError {
  file: string;
  message: string;
  tolerable: boolean;
}

/**
 * Files Electronegativity could not parse. It only prints these in console mode (never in its
 * -o report), and an unparsed file is an unchecked file, so the runner collects them here.
 */
export function parseErrorsFromConsole(output: string): ParseError[] {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const errors: ParseError[] = [];
  for (const line of plain.split(/\r?\n/)) {
    const match = /^(Tolerable error|Error) parsing (.+?) - (.*)$/.exec(line.trim());
    if (match) errors.push({ tolerable: match[1] === 'Tolerable error', file: match[2] as string, message: match[3] as string });
  }
  return errors;
}

export const AllowlistSchema = z
  .object({
    $comment: z.string().optional(),
    entries: z.array(
      z
        .object({
          check: z.string().regex(/^[A-Z0-9_]+$/, 'a check id such as PRELOAD_JS_CHECK'),
          file: z.string().min(1),
          reason: z.string().min(20, 'say why this finding is acceptable (at least 20 characters)'),
        })
        .strict(),
    ),
  })
  .strict();
export type Allowlist = z.infer<typeof AllowlistSchema>;
export type AllowlistEntry = Allowlist['entries'][number];

export interface Triage {
  explained: Array<{ finding: Finding; entry: AllowlistEntry }>;
  unexplained: Finding[];
  /** Entries that matched nothing: the code changed, so the entry should go. */
  stale: AllowlistEntry[];
}

/** An entry explains findings of its check in its file (any line: edits move lines). */
export function triage(findings: readonly Finding[], allowlist: Allowlist): Triage {
  const used = new Set<AllowlistEntry>();
  const explained: Triage['explained'] = [];
  const unexplained: Finding[] = [];
  for (const finding of findings) {
    const entry = allowlist.entries.find((e) => e.check === finding.check && e.file === finding.file);
    if (entry) {
      used.add(entry);
      explained.push({ finding, entry });
    } else unexplained.push(finding);
  }
  return { explained, unexplained, stale: allowlist.entries.filter((e) => !used.has(e)) };
}

export function describeFinding(f: Finding): string {
  const where = f.file === 'N/A' ? 'whole app' : `${f.file}:${f.line}:${f.column}`;
  return `${f.check} at ${where}: ${f.message}`;
}
