/**
 * The corpus manifest (manifest.json): its schema and a parser that reports problems per
 * document, so one bad entry never hides the good ones.
 */
import { z } from 'zod';
import { DocumentIdSchema } from '../../common/contract';
import { errorMessage } from '../../common/errorMessage';

const OptionalText = z.string().nullable().optional();

/** The top level is checked loosely: documents are validated one by one below. */
const ManifestShapeSchema = z.object({
  name: z.string().min(1, 'must be a non-empty string'),
  description: OptionalText,
  documents: z.array(z.unknown()),
});

export const ManifestDocumentSchema = z.object({
  id: DocumentIdSchema,
  file: z.string().min(1, 'must be a non-empty file name'),
  title: z.string().trim().min(1, 'must be a non-empty string'),
  kind: OptionalText,
  place: OptionalText,
  date: OptionalText,
});
export type ManifestDocument = z.infer<typeof ManifestDocumentSchema>;

export interface ManifestProblem {
  /** The entry's `file` when the broken entry names one, else null (the manifest itself). */
  file: string | null;
  message: string;
}

export interface ParsedManifest {
  /** Null when the top level is unusable (then there are no documents either). */
  name: string | null;
  description: string | null;
  /** Entries that passed the schema, with their index in the manifest for messages. */
  documents: Array<{ index: number; entry: ManifestDocument }>;
  /** Problems, each naming where in the manifest it is, and the text file when known. */
  problems: ManifestProblem[];
}

/** "documents[2].title: Invalid input…" — the zod issue path in JavaScript notation. */
export function describeZodIssues(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    let where = prefix;
    for (const key of issue.path) {
      where += typeof key === 'number' ? `[${key}]` : where === '' ? String(key) : `.${String(key)}`;
    }
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
}

export function parseManifest(jsonText: string): ParsedManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(jsonText);
  } catch (error) {
    const reason = errorMessage(error);
    return { name: null, description: null, documents: [], problems: [{ file: null, message: `not valid JSON (${reason})` }] };
  }
  const shape = ManifestShapeSchema.safeParse(raw);
  if (!shape.success) {
    return { name: null, description: null, documents: [], problems: toProblems(null, describeZodIssues(shape.error)) };
  }
  const documents: ParsedManifest['documents'] = [];
  const problems: ManifestProblem[] = [];
  shape.data.documents.forEach((candidate, index) => {
    const parsed = ManifestDocumentSchema.safeParse(candidate);
    if (parsed.success) documents.push({ index, entry: parsed.data });
    else problems.push(...toProblems(fileOf(candidate), describeZodIssues(parsed.error, `documents[${index}]`)));
  });
  return { name: shape.data.name, description: shape.data.description ?? null, documents, problems };
}

function toProblems(file: string | null, messages: string[]): ManifestProblem[] {
  return messages.map((message) => ({ file, message }));
}

function fileOf(candidate: unknown): string | null {
  if (typeof candidate !== 'object' || candidate === null) return null;
  const file = (candidate as { file?: unknown }).file;
  return typeof file === 'string' && file !== '' ? file : null;
}
