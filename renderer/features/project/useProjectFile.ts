/** The project file's view (name, read-only, saved or not) for React; null without project files. */
import { useSyncExternalStore } from 'react';
import type { ProjectFileView } from '../../project/fileSync/session';
import { useServices } from '../../ui/ProjectContext';

const none = () => () => {};
const nothing = () => null;

export function useProjectFile(): ProjectFileView | null {
  const { projectFile } = useServices();
  return useSyncExternalStore(projectFile?.subscribe ?? none, projectFile?.getSnapshot ?? nothing);
}
