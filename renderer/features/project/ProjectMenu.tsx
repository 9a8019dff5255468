/**
 * The header's Project menu (File ▸ … in the desktop app's own menu sends the same commands):
 * New project…, Open project…, Save project as…, and the recent projects. A menu button: Enter,
 * Space or Down opens it on its first item, Up/Down/Home/End move, Escape closes it.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { RecentProject } from '../../../common/projectApi';
import { useServices } from '../../ui/ProjectContext';
import { NewProjectDialog } from './NewProjectDialog';
import { OpenProjectDialog } from './OpenProjectDialog';
import { SaveProjectAsDialog } from './SaveProjectAsDialog';
import { useProjectFile } from './useProjectFile';
import './project.css';
import { errorMessage } from '../../../common/errorMessage';

type Dialog = 'new' | 'open' | 'save-as' | null;

export function ProjectMenu() {
  const { projectFile, api } = useServices();
  const view = useProjectFile();
  const [expanded, setExpanded] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [recent, setRecent] = useState<RecentProject[]>([]);
  const [error, setError] = useState<string | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);

  useEffect(
    () =>
      api.onMenuCommand((command) => {
        if (command === 'new-project') setDialog('new');
        if (command === 'save-project-as') setDialog('save-as');
        if (command === 'open-project') void open();
      }),
    [api], // eslint-disable-line react-hooks/exhaustive-deps
  );
  useEffect(() => {
    if (!expanded || !projectFile) return;
    let live = true;
    projectFile.listProjects().then(
      (list) => live && setRecent(list.recent.filter((p) => p.id !== view?.project.id)),
      () => live && setRecent([]),
    );
    menu.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
    return () => {
      live = false;
    };
  }, [expanded, projectFile, view?.project.id]);

  if (!projectFile || !view) return null;

  const run = (task: () => Promise<unknown>) => {
    setError(null);
    task().catch((err: unknown) => setError(`The project was not changed: ${errorMessage(err)}`));
  };
  /** The desktop app opens its native dialog; the Node host lists the projects it has. */
  async function open() {
    if (view?.nativeDialogs) run(() => projectFile!.openProject());
    else setDialog('open');
  }
  const choose = (action: () => void) => {
    setExpanded(false);
    action();
  };
  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(menu.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => items[(to + items.length) % items.length]?.focus();
    if (e.key === 'ArrowDown') move(at + 1);
    else if (e.key === 'ArrowUp') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(items.length - 1);
    else if (e.key === 'Escape') {
      setExpanded(false);
      button.current?.focus();
    } else if (e.key === 'Tab') setExpanded(false);
    else return;
    e.preventDefault();
  };

  return (
    <div
      className="project-menu"
      onBlur={(e) => {
        // Focus left the button and its menu (a click elsewhere, Tab): the menu closes.
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setExpanded(false);
      }}
    >
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={expanded}
        aria-controls="project-menu-list"
        onClick={() => setExpanded((e) => !e)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setExpanded(true);
          }
        }}
      >
        Project
      </button>
      <span className="project-name" title={view.project.path}>
        {view.project.name}
      </span>
      {expanded && (
        <ul id="project-menu-list" role="menu" aria-label="Project" ref={menu} onKeyDown={onMenuKey} className="project-menu-list">
          <MenuItem label="New project…" onChoose={() => choose(() => setDialog('new'))} />
          <MenuItem label="Open project…" onChoose={() => choose(() => void open())} />
          <MenuItem label="Save project as…" onChoose={() => choose(() => setDialog('save-as'))} disabled={view.project.readOnly !== null} />
          {recent.length > 0 && <li role="separator" className="menu-separator" />}
          {recent.map((project) => (
            <MenuItem
              key={project.path}
              label={project.name}
              description={project.path}
              onChoose={() => choose(() => run(() => projectFile.openProject(project.path)))}
            />
          ))}
        </ul>
      )}
      {error && (
        <span role="alert" className="project-error">
          {error}
        </span>
      )}
      {dialog === 'new' && <NewProjectDialog onClose={() => setDialog(null)} />}
      {dialog === 'open' && <OpenProjectDialog onClose={() => setDialog(null)} />}
      {dialog === 'save-as' && <SaveProjectAsDialog onClose={() => setDialog(null)} />}
    </div>
  );
}

function MenuItem({ label, description, onChoose, disabled }: { label: string; description?: string; onChoose: () => void; disabled?: boolean }) {
  return (
    <li role="none">
      <button type="button" role="menuitem" tabIndex={-1} onClick={onChoose} disabled={disabled} title={description}>
        {label}
      </button>
    </li>
  );
}
