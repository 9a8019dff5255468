/**
 * The one handler table for the contract (common/contract.ts `api`), used by both hosts:
 * Electron IPC (main/ipc.ts) and the Node HTTP host (main/web/server.ts). `callApi` is the only
 * way in: it validates the request with the method's schema, runs the handler and validates the
 * response, and answers with the contract's reply envelope — a failure too, never a throw.
 * No Electron import here: unit tests and the Node host load this module.
 */
import { userInfo } from 'node:os';
import type { z } from 'zod';
import { api } from '../common/contract';
import type { ApiMethod, ApiResponse, Reply } from '../common/contract';
import { CorpusLoad } from './corpus/corpusLoad';
import { getCorpusDocument } from './corpus/loadCorpus';
import type { LoadedCorpus } from './corpus/loadCorpus';
import type { OpenedFiles } from './openedFiles';
import { ProjectFile, ProjectFileError } from './project/projectFile';
import type { Projects } from './project/projects';
import { errorMessage, issuesText } from '../common/errorMessage';

/** An expected failure with the HTTP status that describes it (IPC only uses the message). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a handler receives: the request after parsing, so defaults (e.g. encoding) are applied. */
export type ParsedRequest<M extends ApiMethod> = z.output<(typeof api)[M]['request']>;

export type ApiHandlers = {
  [M in ApiMethod]: (request: ParsedRequest<M>) => Promise<ApiResponse<M>> | ApiResponse<M>;
};

/** The reply both transports send (IPC as is, HTTP as the body) and the HTTP status that goes with it. */
export interface ApiOutcome {
  status: number;
  reply: Reply;
}

const success = (value: unknown): ApiOutcome => ({ status: 200, reply: { ok: true, value } });
const failure = (status: number, error: string): ApiOutcome => ({ status, reply: { ok: false, error } });

export function isApiMethod(name: string): name is ApiMethod {
  // hasOwnProperty, so "constructor" or "__proto__" never count as methods.
  return Object.prototype.hasOwnProperty.call(api, name);
}

export async function callApi(handlers: ApiHandlers, method: string, payload: unknown): Promise<ApiOutcome> {
  if (!isApiMethod(method)) return failure(404, `unknown API method "${method.slice(0, 60)}"`);
  const schemas = api[method];
  const request = schemas.request.safeParse(payload);
  if (!request.success) {
    return failure(400, `invalid ${method} request: ${issuesText(request.error.issues)}`);
  }
  let value: unknown;
  try {
    const handler = handlers[method] as (request: unknown) => unknown;
    value = await handler(request.data);
  } catch (error) {
    if (error instanceof ApiError) return failure(error.status, error.message);
    const reason = errorMessage(error);
    return failure(500, `${method} failed: ${reason}`);
  }
  const response = schemas.response.safeParse(value);
  if (!response.success) {
    // A bug on our side, not the caller's: say so rather than hand back malformed data.
    return failure(500, `${method} produced an invalid response: ${issuesText(response.error.issues)}`);
  }
  return success(response.data);
}

/** The OS account name, used as the default coder name; "analyst" when the OS will not say. */
export function osUserName(readUserName: () => string = () => userInfo().username): string {
  try {
    const name = readUserName().trim();
    return name === '' ? 'analyst' : name;
  } catch {
    return 'analyst';
  }
}

export interface HostCapabilities {
  /** The corpus, or the one being read: the listing and documents wait for it, its progress does not. */
  corpus: LoadedCorpus | CorpusLoad;
  /** Each host saves and opens files its own way (native dialogs, or the browser). */
  saveExport: ApiHandlers['saveExport'];
  openImport: ApiHandlers['openImport'];
  openDocuments: ApiHandlers['openDocuments'];
  userName?: () => string;
  /** Files the OS asked us to open; none by default. */
  openedFiles?: OpenedFiles;
  /** The open project file and its corpus (which then replaces `corpus`); none: the renderer's database is the only copy. */
  projects?: Projects;
}

/** Runs a project-file call; its refusals keep their status. A host without project files says so. */
async function withProjects<T>(host: HostCapabilities, call: (projects: Projects) => Promise<T> | T): Promise<T> {
  if (!host.projects) throw new ApiError(404, 'this Marginalia keeps no project files (started with --no-project-file)');
  try {
    return await call(host.projects);
  } catch (error) {
    if (error instanceof ProjectFileError) throw new ApiError(error.status, error.message);
    throw error;
  }
}

export function createApiHandlers(host: HostCapabilities): ApiHandlers {
  const hostCorpus = host.corpus instanceof CorpusLoad ? host.corpus : CorpusLoad.of(host.corpus);
  const corpus = () => host.projects?.corpus ?? hostCorpus;
  return {
    listDocuments: async () => (await corpus().loaded).listing,
    corpusProgress: () => corpus().progress(),
    getDocument: async ({ id }) => {
      const document = getCorpusDocument(await corpus().loaded, id);
      if (document === null) throw new ApiError(404, `no document with id "${id}" in the corpus`);
      return document;
    },
    saveExport: (request) => host.saveExport(request),
    openImport: (request) => host.openImport(request),
    openDocuments: (request) => host.openDocuments(request),
    getUserInfo: () => ({ userName: (host.userName ?? osUserName)() }),
    takeOpenedFile: () => host.openedFiles?.take() ?? null,
    getProjectState: () => host.projects?.state() ?? { project: null, nativeDialogs: false, projectsFolder: null },
    readProject: ({ projectId }) => withProjects(host, (p) => p.content(projectId)),
    appendJournal: (request) => withProjects(host, (p) => p.append(request)),
    listProjects: () => withProjects(host, (p) => p.list()),
    newProject: (request) => withProjects(host, (p) => p.newProject(request)),
    openProject: ({ path }) => withProjects(host, (p) => p.openProject(path)),
    saveProjectAs: ({ name }) => withProjects(host, (p) => p.saveProjectAs(name)),
    chooseDocumentsFolder: () => withProjects(host, (p) => p.chooseDocumentsFolder()),
    unavailableTexts: ({ projectId }) => withProjects(host, (p) => openFile(p, projectId).unavailableTexts()),
    restoreDocumentText: ({ projectId, sha256, text }) => withProjects(host, (p) => openFile(p, projectId).restoreText(sha256, text)),
  };
}

/** The project file of the project open now, when it is the one the window names. */
function openFile(projects: Projects, projectId: string): ProjectFile {
  const open = projects.state().project;
  const file = open?.id === projectId ? ProjectFile.openAt(open.path) : null;
  if (file === null) throw new ProjectFileError(404, 'Another project is open now: reload the window.');
  return file;
}
