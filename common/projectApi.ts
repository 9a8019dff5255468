/**
 * The project-file part of the contract (common/contract.ts lists the methods): what main says
 * about the open project, the project's content for a database to load, and the changes the
 * renderer appends to the journal.
 */
import { z } from 'zod';
import {
  ClientIdSchema,
  ProjectCorpusSchema,
  ProjectIdSchema,
  ProjectPatchSchema,
  ProjectSettingsSchema,
  ProjectTablesSchema,
} from './projectFile';
import type { ProjectPatch, ProjectSettings, ProjectTables } from './projectFile';

/** The project main has open. */
export const ProjectInfoSchema = z
  .object({
    id: ProjectIdSchema,
    name: z.string(),
    /** The project folder (…/Study.marginalia). */
    path: z.string(),
    /** The last change the file holds (0: none). */
    seq: z.number().int().nonnegative(),
    /** Never written to since it was created: the page gives it its first codebook and settings. */
    fresh: z.boolean(),
    corpus: ProjectCorpusSchema,
    /** Why changes cannot be saved (another Marginalia has the project open), or null when they can. */
    readOnly: z.string().nullable(),
    /** Things the analyst should know about the file, e.g. a damaged journal tail that was set aside. */
    notices: z.array(z.string()),
  })
  .strict();
export type ProjectInfo = z.infer<typeof ProjectInfoSchema>;

/** The host's answer: the open project, or null in a host that keeps no project files (`--no-project-file`). */
export const ProjectStateSchema = z
  .object({
    project: ProjectInfoSchema.nullable(),
    /** Electron: native dialogs pick folders and files; the Node host lists its data folder instead. */
    nativeDialogs: z.boolean(),
    /** The folder where the Node host puts new projects and copies (`<--data>/projects`) and lists them; null in Electron. */
    projectsFolder: z.string().nullable(),
  })
  .strict();
export type ProjectState = z.infer<typeof ProjectStateSchema>;

/** The project's content at `seq`, for a database to load. */
export const ProjectContentSchema = z
  .object({
    id: ProjectIdSchema,
    seq: z.number().int().nonnegative(),
    settings: ProjectSettingsSchema.nullable(),
    tables: ProjectTablesSchema,
  })
  .strict();
export type ProjectContent = Omit<z.infer<typeof ProjectContentSchema>, 'tables' | 'settings'> & {
  settings: ProjectSettings | null;
  tables: ProjectTables;
};

/** One change as the renderer sends it; main gives it its sequence number and time. */
export const OutgoingChangeSchema = z.discriminatedUnion('kind', [
  z.object({ n: z.number().int().nonnegative(), kind: z.literal('patch'), label: z.string().max(500), patch: ProjectPatchSchema }).strict(),
  z.object({ n: z.number().int().nonnegative(), kind: z.literal('settings'), settings: ProjectSettingsSchema }).strict(),
]);
export type OutgoingChange =
  | { n: number; kind: 'patch'; label: string; patch: ProjectPatch }
  | { n: number; kind: 'settings'; settings: ProjectSettings };

export const AppendRequestSchema = z
  .object({
    projectId: ProjectIdSchema,
    client: ClientIdSchema,
    changes: z.array(OutgoingChangeSchema).min(1).max(100_000),
  })
  .strict();
export type AppendRequest = { projectId: string; client: string; changes: OutgoingChange[] };

/** Appended and fsync'd: each change's sequence number (null: sent before and written long ago), and the file's last. */
export const AppendResultSchema = z
  .object({
    seqs: z.array(z.number().int().positive().nullable()),
    seq: z.number().int().nonnegative(),
  })
  .strict();
export type AppendResult = z.infer<typeof AppendResultSchema>;

export const RecentProjectSchema = z
  .object({
    id: ProjectIdSchema,
    name: z.string(),
    path: z.string(),
    openedAt: z.string(),
  })
  .strict();
export type RecentProject = z.infer<typeof RecentProjectSchema>;

export const ProjectListSchema = z
  .object({
    /** Most recent first; projects whose folder is gone are left out. */
    recent: z.array(RecentProjectSchema),
    /** The Node host's projects folder and the projects in it (Electron: empty). */
    available: z.array(RecentProjectSchema),
  })
  .strict();
export type ProjectList = z.infer<typeof ProjectListSchema>;

/** The corpus of a new project: the app's own, a folder of the analyst's documents, or none (documents are imported later). */
export const NewProjectCorpusSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bundled') }).strict(),
  z.object({ kind: z.literal('folder'), path: z.string().min(1).max(4096) }).strict(),
  z.object({ kind: z.literal('none') }).strict(),
]);

export const NewProjectRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    corpus: NewProjectCorpusSchema,
    /** In the data folder without asking (a project made to keep work found in a window's database). */
    inDataFolder: z.boolean().optional(),
  })
  .strict();
export type NewProjectRequest = z.infer<typeof NewProjectRequestSchema>;

/** Open a project folder by path (the Node host's list, Recent projects), or — path absent — with a native dialog. */
export const OpenProjectRequestSchema = z.object({ path: z.string().min(1).max(4096).optional() }).strict();
export type OpenProjectRequest = z.infer<typeof OpenProjectRequestSchema>;

/** Save as: a name (a folder in the Node host's data folder, or a native dialog's suggestion). */
export const SaveProjectAsRequestSchema = z.object({ name: z.string().trim().min(1).max(200) }).strict();
export type SaveProjectAsRequest = z.infer<typeof SaveProjectAsRequestSchema>;

/** The project now open, or null when the analyst cancelled a dialog. */
export const ProjectChoiceSchema = ProjectInfoSchema.nullable();

/** A folder the analyst picked in a native dialog (Electron), or null. */
export const ChosenFolderSchema = z.object({ path: z.string() }).strict().nullable();

/**
 * The most one text sent back to the project folder may weigh, in UTF-8 bytes: a document's limit
 * when it is imported (main/corpus/loadCorpus.ts MAX_DOCUMENT_BYTES, renderer/formats/fileLimits.ts).
 */
export const MAX_RESTORED_TEXT_BYTES = 50 * 1024 * 1024;

/** An imported document whose text file (documents/<sha256>.txt) is missing or damaged, and why. */
export const UnavailableTextSchema = z
  .object({
    documentId: z.string(),
    title: z.string(),
    sha256: z.string(),
    problem: z.string(),
  })
  .strict();
export type UnavailableText = z.infer<typeof UnavailableTextSchema>;
export const UnavailableTextsSchema = z.array(UnavailableTextSchema);

/**
 * A window's copy of a text the project folder lost. Main never trusts it: it writes the text only
 * when its UTF-8 bytes hash to `sha256` and a document of the project refers to that hash. A
 * UTF-16 length above the byte limit is refused here already (a code unit is at least one byte).
 */
export const RestoreTextRequestSchema = z
  .object({
    projectId: ProjectIdSchema,
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256: 64 lower-case hex digits'),
    text: z.string().max(MAX_RESTORED_TEXT_BYTES),
  })
  .strict();
export type RestoreTextRequest = z.infer<typeof RestoreTextRequestSchema>;

/** Written and fsync'd (false: the file already held exactly that text, e.g. another window restored it first). */
export const RestoreTextResultSchema = z.object({ written: z.boolean() }).strict();
export type RestoreTextResult = z.infer<typeof RestoreTextResultSchema>;
