/**
 * The contract over HTTP, for the Node host (`npm run web`). Files are the browser's
 * business here: saveExport downloads, openImport shows a file picker.
 */
import { api, type ApiMethod, type ApiRequest, type ApiResponse, type MarginaliaBridge } from '../../common/contract';
import { SESSION_HEADER, SESSION_META_NAME } from '../../common/hostSession';
import { errorMessage, issuesText } from '../../common/errorMessage';
import { HostUnreachable, UnexpectedReply, unwrapReply } from '../../common/reply';
import { downloadFile, pickFile, pickFiles } from './browserFiles';

async function call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponse<M>> {
  const payload = api[method].request.parse(request);
  let res: Response;
  try {
    res = await fetch(`/api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: sessionSecret() },
      body: JSON.stringify(payload),
    });
  } catch (error) {
    throw new HostUnreachable(`${method}: the Marginalia host did not answer (${errorMessage(error)})`);
  }
  // The envelope decides, not the status: the host sends both and they agree. A body that is
  // not JSON (a proxy's error page, a dropped connection) is an unexpected reply.
  const value = unwrapReply(method, await res.json().catch(() => null));
  // Validate what comes back too: the renderer trusts nothing that crosses a boundary. A host
  // of another version (updated, or this page left open across an update) fails here.
  const response = api[method].response.safeParse(value);
  if (!response.success) throw new UnexpectedReply(`${method}: the host’s answer is not what this window expects (${issuesText(response.error.issues)})`);
  return response.data as ApiResponse<M>;
}

/** The host wrote this run's secret into the page it served; every API call hands it back. */
function sessionSecret(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${SESSION_META_NAME}"]`)?.content ?? '';
}

export function createHttpTransport(): MarginaliaBridge {
  return {
    listDocuments: (r) => call('listDocuments', r),
    corpusProgress: (r) => call('corpusProgress', r),
    getDocument: (r) => call('getDocument', r),
    getUserInfo: (r) => call('getUserInfo', r),
    takeOpenedFile: (r) => call('takeOpenedFile', r),
    getProjectState: (r) => call('getProjectState', r),
    readProject: (r) => call('readProject', r),
    appendJournal: (r) => call('appendJournal', r),
    listProjects: (r) => call('listProjects', r),
    newProject: (r) => call('newProject', r),
    openProject: (r) => call('openProject', r),
    saveProjectAs: (r) => call('saveProjectAs', r),
    chooseDocumentsFolder: (r) => call('chooseDocumentsFolder', r),
    unavailableTexts: (r) => call('unavailableTexts', r),
    restoreDocumentText: (r) => call('restoreDocumentText', r),
    saveExport: async (r) => downloadFile(api.saveExport.request.parse(r)),
    openImport: async (r) => pickFile(api.openImport.request.parse(r)),
    openDocuments: async (r) => pickFiles(api.openDocuments.request.parse(r)),
    // There is no app menu in a browser tab: the window's own toolbar offers the same commands.
    onMenuCommand: () => () => {},
  };
}
