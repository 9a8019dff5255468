/**
 * `npm run synth -- --out <dir> [--seed N] [--kind book|corpus|both] [--scale F]`
 *
 * Writes deterministic synthetic data for the scale benchmark:
 *   <out>/book/           corpus folder (manifest.json, note.txt, book.txt) for `--corpus`
 *   <out>/book-backup.json    project backup (codes + 10,000 segments on book.txt)
 *   <out>/corpus/         corpus folder with 1,000 documents of ~50 KB
 *   <out>/corpus-backup.json  project backup (codes + 100,000 segments)
 *   <out>/documents/      200 .docx of ~30 KB and one 300-page .pdf, to add as documents
 *                         (--kind documents, or both)
 *   <out>/synth.json      what was generated (seed, scale, counts, overlap share)
 * Same seed and scale → the same bytes.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportBackup } from '../renderer/formats/backup/backup';
import { synthDocuments } from './synth/documents';
import { manifestOf, overlapStats, SYNTH_EXPORTED_AT, synthBook, synthCorpus, toProjectData, type SynthProject } from './synth/generate';

export interface SynthOptions {
  out: string;
  seed: number;
  kind: 'book' | 'corpus' | 'both' | 'documents';
  scale: number;
}

export interface SynthSummary {
  seed: number;
  scale: number;
  kinds: Record<string, { documents: number; characters: number; bytes: number; segments: number; codes: number; startsInside: number; maxDepth: number }>;
}

export function parseSynthArgs(argv: readonly string[]): SynthOptions {
  const flag = (name: string): string | null => {
    const i = argv.indexOf(`--${name}`);
    if (i >= 0) return argv[i + 1] ?? null;
    const eq = argv.find((a) => a.startsWith(`--${name}=`));
    return eq ? eq.slice(name.length + 3) : null;
  };
  const out = flag('out');
  if (!out) throw new Error('--out <dir> is required');
  const seed = Number(flag('seed') ?? 1);
  const kind = (flag('kind') ?? 'both') as SynthOptions['kind'];
  const scale = Number(flag('scale') ?? 1);
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  if (!['book', 'corpus', 'both', 'documents'].includes(kind)) throw new Error('--kind must be book, corpus, both or documents');
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be in (0, 1]');
  return { out: resolve(out), seed, kind, scale };
}

function writeProject(out: string, project: SynthProject): SynthSummary['kinds'][string] {
  const folder = join(out, project.kind);
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let bytes = 0;
  let characters = 0;
  for (const doc of project.documents) {
    const buffer = Buffer.from(doc.text, 'utf8');
    writeFileSync(join(folder, doc.file), buffer);
    bytes += buffer.length;
    characters += doc.text.length;
  }
  writeFileSync(join(folder, 'manifest.json'), manifestOf(project));
  writeFileSync(join(out, `${project.kind}-backup.json`), exportBackup(toProjectData(project), SYNTH_EXPORTED_AT));
  const stats = overlapStats(project.segments);
  return {
    documents: project.documents.length,
    characters,
    bytes,
    segments: project.segments.length,
    codes: project.codes.length,
    startsInside: Number(stats.startsInside.toFixed(4)),
    maxDepth: stats.maxDepth,
  };
}

export function runSynth(options: SynthOptions): SynthSummary {
  mkdirSync(options.out, { recursive: true });
  const summary: SynthSummary = { seed: options.seed, scale: options.scale, kinds: {} };
  if (options.kind === 'book' || options.kind === 'both') summary.kinds.book = writeProject(options.out, synthBook(options.seed, options.scale));
  if (options.kind === 'corpus' || options.kind === 'both') summary.kinds.corpus = writeProject(options.out, synthCorpus(options.seed, options.scale));
  writeFileSync(join(options.out, 'synth.json'), JSON.stringify(summary, null, 2) + '\n');
  return summary;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const options = parseSynthArgs(process.argv.slice(2));
    const started = Date.now();
    const summary = runSynth(options);
    for (const [kind, k] of Object.entries(summary.kinds)) {
      console.log(
        `${kind}: ${k.documents} document(s), ${(k.bytes / 1e6).toFixed(2)} MB, ${k.segments} segments, ${k.codes} codes, ` +
          `${(k.startsInside * 100).toFixed(1)}% start inside another, nesting up to ${k.maxDepth} deep`,
      );
    }
    if (options.kind === 'both' || options.kind === 'documents') {
      const d = await synthDocuments(options.out, options.seed, options.scale);
      console.log(`documents: ${d.docx} .docx (${(d.docxBytes / 1e6).toFixed(2)} MB), a ${d.pdfPages}-page .pdf (${(d.pdfBytes / 1e6).toFixed(2)} MB)`);
    }
    console.log(`Wrote ${options.out} in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${options.seed}, scale ${options.scale})`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
