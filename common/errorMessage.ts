/**
 * What a caught value says, as a sentence an analyst can read: an Error's message, a validation
 * failure (a ZodError, whose own message is raw JSON) as its issues, anything else as text (a
 * rejection may carry any value).
 */
export const errorMessage = (err: unknown): string => {
  if (isValidationError(err)) return issuesText(err.issues);
  return err instanceof Error ? err.message : String(err);
};

/** One validation issue as zod gives it (only what a message needs: no zod import here). */
export interface ValidationIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** How many issues a message names; the rest are counted. */
const SHOWN_ISSUES = 5;

/** "tables.savedSearches: expected array, received undefined; codes[2].name: …; and 3 more problems". */
export function issuesText(issues: readonly ValidationIssue[]): string {
  if (issues.length === 0) return 'the data is not valid';
  const shown = issues.slice(0, SHOWN_ISSUES).map((issue) => {
    // zod's "Invalid input: expected array, received undefined" → "expected array, received undefined".
    const message = issue.message === 'Invalid input' ? 'missing or not valid' : issue.message.replace(/^Invalid input: /, '');
    return issue.path.length > 0 ? `${pathText(issue.path)}: ${message}` : message;
  });
  const more = issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more ${more === 1 ? 'problem' : 'problems'}` : '');
}

/** "segments[3].start" from an issue's path. */
function pathText(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join('');
}

/** A ZodError, recognised by its shape: errors cross workers and bundles where `instanceof` fails. */
function isValidationError(err: unknown): err is Error & { issues: ValidationIssue[] } {
  return err instanceof Error && err.name === 'ZodError' && Array.isArray((err as { issues?: unknown }).issues);
}
