/**
 * The one contract between the main process (or the Node host) and the renderer.
 * Imported by main/, preload/ and renderer/: every payload that crosses a process or
 * network boundary is described here once and validated with these schemas.
 *
 * Offsets everywhere in the app are UTF-16 code units into the *normalised* document text
 * (BOM stripped, CRLF/CR → LF, Unicode NFC). Exports convert to code points.
 */
import { z } from 'zod';
import {
  AppendRequestSchema,
  AppendResultSchema,
  ChosenFolderSchema,
  NewProjectRequestSchema,
  OpenProjectRequestSchema,
  ProjectChoiceSchema,
  ProjectContentSchema,
  ProjectListSchema,
  ProjectStateSchema,
  RestoreTextRequestSchema,
  RestoreTextResultSchema,
  SaveProjectAsRequestSchema,
  UnavailableTextsSchema,
} from './projectApi';
import { ProjectIdSchema } from './projectFile';

export const DocumentIdSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, 'document id: letters, digits, . _ : - only');

export const DocumentSummarySchema = z.object({
  id: DocumentIdSchema,
  title: z.string().min(1),
  kind: z.string().nullable(),
  place: z.string().nullable(),
  date: z.string().nullable(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Length of the normalised text in UTF-16 code units. */
  length: z.number().int().nonnegative(),
  /** A PDF's page starts (UTF-16 offsets into the normalised text, page 1 first): segments tell their page. */
  pageStarts: z.array(z.number().int().nonnegative()).max(100_000).optional(),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const CorpusDocumentSchema = DocumentSummarySchema.extend({ text: z.string() });
export type CorpusDocument = z.infer<typeof CorpusDocumentSchema>;

/** A problem found while loading the corpus: shown to the analyst, never fatal. */
export const CorpusIssueSchema = z.object({
  file: z.string(),
  message: z.string(),
});
export type CorpusIssue = z.infer<typeof CorpusIssueSchema>;

export const CorpusListingSchema = z.object({
  name: z.string(),
  description: z.string().nullable(),
  folder: z.string(),
  documents: z.array(DocumentSummarySchema),
  issues: z.array(CorpusIssueSchema),
});
export type CorpusListing = z.infer<typeof CorpusListingSchema>;

/**
 * How far the host is in reading its corpus: the window opens before a folder of Word and PDF
 * files is converted, and shows this while listDocuments waits. `total` is null until the
 * documents to read are known. Once read ('ready'), listDocuments answers at once — with the
 * listing and its issues, or with why the corpus could not be loaded.
 */
export const CorpusProgressSchema = z.discriminatedUnion('state', [
  z
    .object({
      state: z.literal('reading'),
      name: z.string().nullable(),
      done: z.number().int().nonnegative(),
      total: z.number().int().nonnegative().nullable(),
    })
    .strict(),
  z.object({ state: z.literal('ready') }).strict(),
]);
export type CorpusProgress = z.infer<typeof CorpusProgressSchema>;

export const SaveExportRequestSchema = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(255)
    .refine((n) => !/[\\/\0]/.test(n) && n !== '.' && n !== '..', 'a file name, not a path'),
  mimeType: z.string().min(1).max(100),
  /** Text content, or base64 for binary formats such as .qdpx. */
  content: z.string().max(512 * 1024 * 1024),
  encoding: z.enum(['utf8', 'base64']).default('utf8'),
});
export type SaveExportRequest = z.input<typeof SaveExportRequestSchema>;

export const SaveExportResultSchema = z.object({
  saved: z.boolean(),
  /** Where the file went (Electron), or the download name (browser). */
  location: z.string().nullable(),
});
export type SaveExportResult = z.infer<typeof SaveExportResultSchema>;

export const OpenImportRequestSchema = z.object({
  title: z.string().max(200),
  /** File extensions without the dot, e.g. ["json", "qdpx"]. */
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(10),
});
export type OpenImportRequest = z.infer<typeof OpenImportRequestSchema>;

export const OpenImportResultSchema = z
  .object({
    name: z.string(),
    /** The file's bytes as base64 (imports may be ZIP archives). */
    base64: z.string(),
  })
  .nullable();
export type OpenImportResult = z.infer<typeof OpenImportResultSchema>;

/** Documents to add (txt, md, html, docx, pdf): many files at once, each its bytes or why it could not be read. */
export const OpenDocumentsRequestSchema = z
  .object({
    title: z.string().max(200),
    extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/)).min(1).max(20),
  })
  .strict();
export type OpenDocumentsRequest = z.infer<typeof OpenDocumentsRequestSchema>;

export const ChosenDocumentSchema = z.union([
  z.object({ name: z.string().min(1).max(255), base64: z.string() }).strict(),
  z.object({ name: z.string().min(1).max(255), error: z.string().max(2000) }).strict(),
]);
export type ChosenDocument = z.infer<typeof ChosenDocumentSchema>;

/** The chosen files in the order picked; null when the analyst cancelled. */
export const OpenDocumentsResultSchema = z.array(ChosenDocumentSchema).max(10_000).nullable();
export type OpenDocumentsResult = z.infer<typeof OpenDocumentsResultSchema>;

/**
 * A file the operating system asked Marginalia to open (a double-clicked .qdpx), waiting in main
 * until the page takes it: its bytes, or why it could not be read; null when none waits.
 */
export const OpenedFileSchema = z
  .union([
    z.object({ name: z.string().min(1).max(255), base64: z.string() }).strict(),
    z.object({ name: z.string().min(1).max(255), error: z.string().max(2000) }).strict(),
  ])
  .nullable();
export type OpenedFile = z.infer<typeof OpenedFileSchema>;

export const UserInfoSchema = z.object({ userName: z.string() });
export type UserInfo = z.infer<typeof UserInfoSchema>;

const NoArgs = z.object({}).strict();

/**
 * Every API method: its request and response schema. Both transports (IPC and HTTP)
 * are generated from this table, so adding a method here is the only place to start.
 */
export const api = {
  /** Waits while the host is still reading its corpus (corpusProgress says how far it is). */
  listDocuments: { request: NoArgs, response: CorpusListingSchema },
  corpusProgress: { request: NoArgs, response: CorpusProgressSchema },
  getDocument: { request: z.object({ id: DocumentIdSchema }).strict(), response: CorpusDocumentSchema },
  saveExport: { request: SaveExportRequestSchema, response: SaveExportResultSchema },
  openImport: { request: OpenImportRequestSchema, response: OpenImportResultSchema },
  openDocuments: { request: OpenDocumentsRequestSchema, response: OpenDocumentsResultSchema },
  getUserInfo: { request: NoArgs, response: UserInfoSchema },
  takeOpenedFile: { request: NoArgs, response: OpenedFileSchema },
  // Project files (common/projectApi.ts, docs/project-files.md).
  getProjectState: { request: NoArgs, response: ProjectStateSchema },
  readProject: { request: z.object({ projectId: ProjectIdSchema }).strict(), response: ProjectContentSchema },
  appendJournal: { request: AppendRequestSchema, response: AppendResultSchema },
  listProjects: { request: NoArgs, response: ProjectListSchema },
  newProject: { request: NewProjectRequestSchema, response: ProjectChoiceSchema },
  openProject: { request: OpenProjectRequestSchema, response: ProjectChoiceSchema },
  saveProjectAs: { request: SaveProjectAsRequestSchema, response: ProjectChoiceSchema },
  chooseDocumentsFolder: { request: NoArgs, response: ChosenFolderSchema },
  /** Imported documents whose text file is missing or damaged; a window that holds such a text sends it with restoreDocumentText. */
  unavailableTexts: { request: z.object({ projectId: ProjectIdSchema }).strict(), response: UnavailableTextsSchema },
  restoreDocumentText: { request: RestoreTextRequestSchema, response: RestoreTextResultSchema },
} as const;

export type ApiMethod = keyof typeof api;
export type ApiRequest<M extends ApiMethod> = z.input<(typeof api)[M]['request']>;
export type ApiResponse<M extends ApiMethod> = z.infer<(typeof api)[M]['response']>;

/** The API as the renderer sees it, whichever host it runs in. */
export type MarginaliaApi = { [M in ApiMethod]: (request: ApiRequest<M>) => Promise<ApiResponse<M>> };

export const API_METHODS = Object.keys(api) as ApiMethod[];
export const IPC_PREFIX = 'marginalia:';
/** Name of the object the preload script exposes on window. */
export const BRIDGE_NAME = 'marginalia';

/** Commands the Electron app menu sends to the renderer (the window's own toolbar offers the same). */
/** 'open-file': the OS asked to open a file; the page takes it with takeOpenedFile. */
/** 'project-changed': main opened another project (a double-clicked .marginalia); the page reloads on it. */
export const MenuCommandSchema = z.enum([
  'undo',
  'redo',
  'export',
  'import',
  'find',
  'search',
  'open-file',
  'add-documents',
  'new-project',
  'open-project',
  'save-project-as',
  'project-changed',
]);
export type MenuCommand = z.infer<typeof MenuCommandSchema>;
export const MENU_CHANNEL = 'marginalia:menu';

/** What preload exposes on window[BRIDGE_NAME]: the API plus menu notifications. */
export type MarginaliaBridge = MarginaliaApi & {
  onMenuCommand: (listener: (command: MenuCommand) => void) => () => void;
};

/**
 * The one envelope every reply travels in, over IPC and HTTP alike: the method's value, or the
 * message to show. Failures travel as data, not as rejections, because Electron rewrites a
 * rejected message ("Error invoking remote method …"); over HTTP the status code says the same
 * as `ok`. Opened by `unwrapReply` (common/reply.ts), the one function preload and the HTTP
 * transport share.
 */
export const ReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);
export type Reply = z.infer<typeof ReplySchema>;
