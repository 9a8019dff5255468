import { beforeAll, describe, expect, it } from 'vitest';
import { CODE_IDS, codingOf, sampleProject } from '../fixtures/sampleProject';
import { guidFor } from '../refiQda/guid';
import type { ProjectData } from '../projectData';
import { ANNOTATION_CONTEXT, documentIri, toWebAnnotationJson, toWebAnnotations } from './webAnnotation';

let data: ProjectData;
beforeAll(async () => {
  data = await sampleProject();
});

describe('W3C Web Annotation export', () => {
  it('is a JSON-LD AnnotationCollection with the anno.jsonld context, one annotation per segment', () => {
    const json = JSON.parse(toWebAnnotationJson(data));
    expect(json['@context']).toBe(ANNOTATION_CONTEXT);
    expect(json.type).toBe('AnnotationCollection');
    expect(json.total).toBe(data.segments.length);
    expect(json.first.items).toHaveLength(data.segments.length);
  });

  it('describes a segment with a tagging body per coding (its coder as creator), a commenting memo and both selectors', () => {
    const annotations = toWebAnnotations(data);
    const seg2 = data.segments.find((s) => s.id === 'seg-2')!;
    const a = annotations.find((x) => x.id === `urn:uuid:${guidFor('segment', 'seg-2')}`)!;
    expect(a).toEqual({
      id: expect.stringMatching(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      type: 'Annotation',
      created: '2024-03-03T10:00:00.000Z',
      modified: '2024-03-02T10:30:00.000Z',
      body: [
        { type: 'TextualBody', purpose: 'tagging', value: 'Emotion', creator: { type: 'Person', name: 'Ben' }, created: '2024-03-03T10:00:00.000Z' },
        { type: 'TextualBody', purpose: 'commenting', value: seg2.memo, format: 'text/plain' },
      ],
      target: {
        source: 'urn:marginalia:document:letter-1848-01',
        selector: [
          { type: 'TextQuoteSelector', exact: '😢 again', prefix: seg2.prefix, suffix: seg2.suffix },
          { type: 'TextPositionSelector', start: 30, end: 37 },
        ],
      },
    });
    const seg1 = annotations[0]!;
    expect(seg1.body.map((b) => b.value)).toEqual(['Hardship > Crop failure', 'Hardship > Crop failure > Drought']);
  });

  it('gives code point positions that slice the text to the quote', () => {
    for (const a of toWebAnnotations(data)) {
      const doc = data.documents.find((d) => documentIri(d.id) === a.target.source)!;
      const quote = a.target.selector[0]!;
      const position = a.target.selector[1]!;
      if (quote.type !== 'TextQuoteSelector' || position.type !== 'TextPositionSelector') throw new Error('selector order');
      expect(Array.from(doc.text).slice(position.start, position.end).join('')).toBe(quote.exact);
    }
  });

  it('keeps the quote but no position for a segment whose document is not in the export', () => {
    const orphan = { ...data.segments[0]!, id: 'orphan', documentId: 'gone doc', codings: [codingOf('orphan', CODE_IDS.hope, '')] };
    const [a] = toWebAnnotations({ ...data, segments: [orphan] });
    expect(a!.target.source).toBe('urn:marginalia:document:gone%20doc');
    expect(a!.target.selector.map((s) => s.type)).toEqual(['TextQuoteSelector']);
    expect(a!.body[0]!.creator).toBeUndefined();
  });

  it('keeps the quote but no position for a segment not found in the current text', () => {
    const annotations = toWebAnnotations({ ...data, placement: new Map([['seg-5', 'unplaced']]) });
    const seg5 = annotations.find((x) => x.id === `urn:uuid:${guidFor('segment', 'seg-5')}`)!;
    expect(seg5.target.selector).toEqual([{ type: 'TextQuoteSelector', exact: '-5 degrees', prefix: expect.any(String), suffix: expect.any(String) }]);
  });

  it('gives two coders of the same code on one span a tagging body each', () => {
    const seg = data.segments[0]!;
    const twice = { ...seg, codings: [codingOf(seg.id, CODE_IDS.crop, 'Amal'), codingOf(seg.id, CODE_IDS.crop, 'Ben')] };
    const [a] = toWebAnnotations({ ...data, segments: [twice] });
    expect(a!.body.map((b) => [b.value, b.creator?.name])).toEqual([
      ['Hardship > Crop failure', 'Amal'],
      ['Hardship > Crop failure', 'Ben'],
    ]);
  });
});
