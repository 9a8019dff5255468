import { describe, expect, it } from 'vitest';
import { projectNameOf, reportTitle } from './useProjectName';

describe('the name the analysis gives the project', () => {
  it('is the project file’s name, not the corpus’s', () => {
    expect(reportTitle(projectNameOf({ project: { name: 'Study B' } }, 'Global Coalition statements'))).toBe('Study B: analysis report');
  });

  it('is the corpus’s without a project file, and Marginalia while the corpus is not listed yet', () => {
    expect(reportTitle(projectNameOf(null, 'Global Coalition statements'))).toBe('Global Coalition statements: analysis report');
    expect(reportTitle(projectNameOf(null, null))).toBe('Marginalia: analysis report');
  });
});
