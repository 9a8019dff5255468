/** File ▸ Open project in the Node host: the projects in its data folder and the recent ones. */
import { useEffect, useState } from 'react';
import type { ProjectList, RecentProject } from '../../../common/projectApi';
import { Modal } from '../../ui/Modal';
import { useServices } from '../../ui/ProjectContext';
import { useProjectFile } from './useProjectFile';
import { errorMessage } from '../../../common/errorMessage';

export function OpenProjectDialog({ onClose }: { onClose: () => void }) {
  const { projectFile } = useServices();
  const view = useProjectFile();
  const [list, setList] = useState<ProjectList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    projectFile?.listProjects().then(setList, (err: unknown) => setError(`The projects could not be listed: ${errorMessage(err)}`));
  }, [projectFile]);
  if (!projectFile || !view) return null;

  const projects: RecentProject[] = list ? [...list.available, ...list.recent.filter((r) => !list.available.some((a) => a.path === r.path))] : [];
  const open = (path: string) => {
    setError(null);
    projectFile.openProject(path).then(
      () => onClose(),
      (err: unknown) => setError(`The project was not opened: ${errorMessage(err)}`),
    );
  };

  return (
    <Modal title="Open project" onClose={onClose} className="project-dialog">
      {view.projectsFolder && <p className="exchange-hint">Projects in {view.projectsFolder}, and those opened recently.</p>}
      {list === null && !error && <p role="status">Listing projects…</p>}
      <ul className="project-list">
        {projects.map((project) => (
          <li key={project.path}>
            <button type="button" onClick={() => open(project.path)} aria-current={project.id === view.project.id ? 'true' : undefined}>
              {project.name}
            </button>
            <span className="project-path">{project.path}</span>
          </li>
        ))}
      </ul>
      {error && (
        <p role="alert" className="project-error">
          {error}
        </p>
      )}
    </Modal>
  );
}
