/**
 * The name the analysis gives the project (the report's title, the project memo): the project
 * file's name ("Study B"), or — in a host without project files — the corpus's.
 */
import { useSyncExternalStore } from 'react';
import { useServices } from '../../ui/ProjectContext';

const none = () => () => {};
const nothing = () => null;

export function projectNameOf(file: { project: { name: string } } | null, corpusName: string | null): string | null {
  return file?.project.name ?? corpusName;
}

/** The report's title until the analyst types another. */
export const reportTitle = (projectName: string | null) => `${projectName ?? 'Marginalia'}: analysis report`;

export function useProjectName(corpusName: string | null): string | null {
  const { projectFile } = useServices();
  const file = useSyncExternalStore(projectFile?.subscribe ?? none, projectFile?.getSnapshot ?? nothing);
  return projectNameOf(file, corpusName);
}
