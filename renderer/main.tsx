/** Start-up: pick the transport, open the project database, render the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './shell/App';
import { ErrorBoundary } from './ui/ErrorBoundary';
import { Corpus } from './project/corpus';
import { ProjectStore } from './project/projectStore';
import { ServicesContext } from './ui/ProjectContext';
import { defaultCodebook } from './domain/defaultCodebook';
import { defaultContext } from './domain/context';
import { openProject } from './store/openProject';
import { StorageError } from './store/errors';
import { selectTransport } from './transport';
import './styles.css';

async function start() {
  const root = createRoot(document.getElementById('root')!);
  const { api, host } = selectTransport();
  try {
    const project = await openProject({ seed: () => defaultCodebook(defaultContext()) });
    const user = await api.getUserInfo({}).catch(() => ({ userName: '' }));
    const store = await ProjectStore.open(project, { coder: user.userName.trim() || 'analyst' });
    root.render(
      <StrictMode>
        <ServicesContext.Provider value={{ api, host, store, corpus: new Corpus(api), setAside: project.repo.setAside }}>
          <ErrorBoundary what="Marginalia's window">
            <App />
          </ErrorBoundary>
        </ServicesContext.Provider>
      </StrictMode>,
    );
  } catch (err) {
    const message = err instanceof StorageError ? err.userMessage : String(err);
    root.render(
      <main className="fatal">
        <h1>Marginalia could not open your project</h1>
        <p role="alert">{message}</p>
        <p>Nothing was changed. Close other Marginalia windows and try again.</p>
      </main>,
    );
  }
}

void start();
