/** REFI-QDA, the exchange standard of QDA tools: projects (.qdpx) and codebooks (.qdc). */
import { bytesToBase64 } from '../../../common/bytes';
import { ExportCancelled, nextTurn, type FormatDefinition } from '../format';
import { isOfficeZip, isZip, xmlRootName } from '../sniff';
import { exportQdc } from './codebook';
import { leftOutOf } from './exportQdpx';
import { exportQdpxOffThread, importQdcOffThread, importQdpxOffThread } from './offThread';

export const qdpx: FormatDefinition = {
  id: 'qdpx',
  label: 'REFI-QDA project (.qdpx)',
  extensions: ['qdpx'],
  mimeType: 'application/zip',
  looksLike: (head) => isZip(head) && !isOfficeZip(head),
  export: {
    hint: 'Documents, codes, segments, coders and memos for ATLAS.ti, MAXQDA, NVivo, QDA Miner …',
    fileSuffix: '.qdpx',
    texts: 'all',
    write: async (data, options) => {
      await nextTurn(); // the busy state paints before the one long call
      const qdpxOptions = { now: options.now.toISOString(), userName: options.userName, projectName: options.projectName };
      const bytes = await exportQdpxOffThread(data, qdpxOptions, options.cancelled);
      if (options.cancelled?.()) throw new ExportCancelled('Export cancelled.');
      return { content: bytesToBase64(bytes), encoding: 'base64', leftOut: leftOutOf(data) };
    },
  },
  import: {
    picks: 'file',
    hint: 'Adds its text documents, codes (matched by path), segments with each coder’s codings, and memos.',
    read: async (bytes, file) => ({ kind: 'additions', additions: await importQdpxOffThread(bytes, { now: file.now, fileName: file.name }, file.signal) }),
  },
};

export const qdc: FormatDefinition = {
  id: 'qdc',
  label: 'REFI-QDA codebook (.qdc)',
  extensions: ['qdc'],
  mimeType: 'application/xml',
  looksLike: (head) => xmlRootName(head) === 'CodeBook',
  export: {
    hint: 'The codebook only: names, hierarchy, colours and descriptions.',
    fileSuffix: '.qdc',
    texts: 'none',
    unavailable: ({ codes }) => (codes.length === 0 ? 'The codebook is empty: there is nothing to export.' : null),
    write: async (data) => ({ content: exportQdc(data.codes), encoding: 'utf8' }),
  },
  import: {
    picks: 'file',
    hint: 'Adds its codes; a code whose path is already in the codebook is skipped.',
    read: async (bytes, file) => ({ kind: 'codebook', ...(await importQdcOffThread(bytes, file, file.signal)) }),
  },
};
