/** A .qdpx that cannot or must not be read; the message tells the analyst what is wrong with the file. */
export class ArchiveError extends Error {
  override name = 'ArchiveError';
}
