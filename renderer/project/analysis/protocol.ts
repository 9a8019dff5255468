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

/** Warming goes on in slices of this length, so a question arriving meanwhile waits at most one. */
const WARM_SLICE_MS = 4;

/**
 * The engine behind the messages: data is applied at once and counted in the background (warm,
 * a few documents at a time between messages), questions are answered at once — never queued
 * behind counting, which the engine does itself for anything a question needs.
 */
export class EngineDriver {
  private readonly engine = new AnalysisEngine();
  private readonly toWarm = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly reply: (reply: FromEngine) => void) {}

  receive(message: ToEngine): void {
    switch (message.type) {
      case 'codes':
        this.engine.setCodes(message.codes);
        return this.warmLater(this.engine.documentIds());
      case 'documents':
        this.engine.setDocuments(message.documents);
        return;
      case 'segments':
        for (const { documentId, segments } of message.batch) this.engine.setSegments(documentId, segments);
        return this.warmLater(message.batch.map((b) => b.documentId));
      case 'text':
        this.engine.setProfile(message.documentId, profileText(message.text));
        return this.warmLater([message.documentId]);
      case 'ask':
        try {
          this.reply({ type: 'answer', id: message.id, answer: this.engine.answer(message.request) });
        } catch (err) {
          this.reply({ type: 'failed', id: message.id, message: errorMessage(err) });
        }
    }
  }

  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.toWarm.clear();
  }

  private warmLater(documentIds: readonly string[]): void {
    for (const id of documentIds) this.toWarm.add(id);
    this.timer ??= setTimeout(() => this.warmSome(), 0);
  }

  private warmSome(): void {
    this.timer = null;
    const until = performance.now() + WARM_SLICE_MS;
    for (const id of this.toWarm) {
      this.toWarm.delete(id);
      this.engine.warm([id]);
      if (performance.now() > until) break;
    }
    if (this.toWarm.size > 0) this.timer = setTimeout(() => this.warmSome(), 0);
  }
}
