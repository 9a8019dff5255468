/**
 * Messages between the analysis service (main thread) and its engine (a worker, or inline):
 * the project's data flows in as it changes, one document at a time; questions come back
 * with their answers, in the order they were asked.
 */
import type { AnalysisCode } from '../../domain/analysis/codeIndex';
import { AnalysisEngine } from '../../domain/analysis/engine';
import type { AnalysisDocument, AnalysisSegment } from '../../domain/analysis/input';
import type { AnalysisAnswer, AnalysisRequest } from '../../domain/analysis/requests';
import { profileText } from '../../domain/analysis/textProfile';
import { errorMessage } from '../../../common/errorMessage';

export type ToEngine =
  | { type: 'codes'; codes: AnalysisCode[] }
  | { type: 'documents'; documents: AnalysisDocument[] }
  | { type: 'segments'; batch: Array<{ documentId: string; segments: AnalysisSegment[] }> }
  /** A document's text: the engine keeps its profile (length, words, lines), not the text. */
  | { type: 'text'; documentId: string; text: string }
  | { type: 'ask'; id: number; request: AnalysisRequest };

export type FromEngine = { type: 'answer'; id: number; answer: AnalysisAnswer } | { type: 'failed'; id: number; message: string };

/**
 * Applies one message to the engine; a question gets its reply. New data is counted at once
 * (warm), so a question waits only for the sums.
 */
export function handle(engine: AnalysisEngine, message: ToEngine): FromEngine | null {
  switch (message.type) {
    case 'codes':
      engine.setCodes(message.codes);
      return null;
    case 'documents':
      engine.setDocuments(message.documents);
      return null;
    case 'segments':
      for (const { documentId, segments } of message.batch) engine.setSegments(documentId, segments);
      engine.warm(message.batch.map((b) => b.documentId));
      return null;
    case 'text':
      engine.setProfile(message.documentId, profileText(message.text));
      engine.warm([message.documentId]);
      return null;
    case 'ask':
      try {
        return { type: 'answer', id: message.id, answer: engine.answer(message.request) };
      } catch (err) {
        return { type: 'failed', id: message.id, message: errorMessage(err) };
      }
  }
}
