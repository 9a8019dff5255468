/** W3C Web Annotations (JSON-LD): one annotation per segment, for annotation tools and linked data. */
import type { FormatDefinition } from '../format';
import { placementOf } from '../projectData';
import { jsonObjectWith } from '../sniff';
import { ANNOTATION_CONTEXT, toWebAnnotationJson } from './webAnnotation';

export const webAnnotations: FormatDefinition = {
  id: 'annotations',
  label: 'W3C Web Annotations (JSON-LD)',
  extensions: ['jsonld'],
  mimeType: 'application/ld+json',
  looksLike: (head) => jsonObjectWith(head, '@context', ANNOTATION_CONTEXT),
  export: {
    hint: 'One annotation per segment, each coding as a tag with its coder, for annotation tools and linked data.',
    fileSuffix: '-annotations.jsonld',
    texts: 'coded',
    write: async (data, options) => ({
      content: toWebAnnotationJson(data, options.projectName),
      encoding: 'utf8',
      unplaced: data.segments.filter((s) => placementOf(data, s.id) === 'unplaced').length,
    }),
  },
};
