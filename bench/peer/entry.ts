/** Bundled by bench/run.ts (esbuild) into bench/data/peer/peer.js for the peer comparison page. */
import { createTextAnnotator } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';

(window as unknown as { createTextAnnotator: typeof createTextAnnotator }).createTextAnnotator = createTextAnnotator;
