/** Start-up: pick the transport, open the project (its file and the database in step), render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Corpus } from './project/corpus';
import { ServicesContext } from './ui/ProjectContext';
import { connectProject } from './project/fileSync/connect';
import { windowTitle } from './project/fileSync/session';
import { startupFailure } from './shell/startupFailure';
import { StartupProgress } from './shell/StartupProgress';
import { selectTransport } from './transport';
import './styles.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const { api, host } = selectTransport();
  try {
    const user = await api.getUserInfo({}).catch(() => ({ userName: '' }));
    const { project, store, session, notices } = await connectProject({
      api,
      coder: user.userName.trim() || 'analyst',
      onProgress: (progress) => root.render(<StartupProgress progress={progress} />),
    });
    document.title = windowTitle(session?.getSnapshot().project ?? null);
    root.render(
      <StrictMode>
        <ServicesContext.Provider
          value={{ api, host, store, corpus: new Corpus(api), setAside: project.repo.setAside, projectFile: session, startNotices: notices }}
        >
          <ErrorBoundary what="Marginalia's window">
            <App />
          </ErrorBoundary>
        </ServicesContext.Provider>
      </StrictMode>,
    );
  } catch (err) {
    const { message, advice } = startupFailure(err, host);
    root.render(
      <main className="fatal">
        <h1>Marginalia could not open your project</h1>
        <p role="alert">{message}</p>
        <p>{advice}</p>
      </main>,
    );
  }
}

void start();
