/** A refusal of the project file that the API passes on with its status (409: read-only; 404: another project). */
export class ProjectFileError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ProjectFileError';
  }
}
