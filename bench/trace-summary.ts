/**
 * Summarises a Chromium trace written by `npm run bench -- --trace DIR`: where the renderer's
 * main thread spent its time (self time per trace event, e.g. Layout, UpdateLayoutTree,
 * FunctionCall) and the JavaScript functions with the most self time (from the sampling
 * profiler). Usage: `npx tsx bench/trace-summary.ts bench/traces/code-book.json [top]`.
 */
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: unknown };
  id?: string;
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
  const all = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  // Chromium's own pages (chrome://, e.g. the omnibox popup of a trace of the whole browser) are not the app.
  const loadsHttp = (pid: number) => events.some((e) => e.pid === pid && /^https?:/.test(String((e.args?.data as { url?: unknown } | undefined)?.url ?? '')));
  const app = all.filter((t) => loadsHttp(t.pid));
  const named = app.length ? app : all;
  // Several renderers may exist (the bench closes old pages); the busiest one is the page traced.
  let best = named[0];
  let bestCount = -1;
  for (const t of named) {
    const n = events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X').length;
    if (n > bestCount) [best, bestCount] = [t, n];
  }
  if (!best) throw new Error('no CrRendererMain thread in the trace');
  return { pid: best.pid, tid: best.tid };
}

/** Self time (ms) per event name on one thread, from nested complete ('X') events. */
function selfTimes(events: TraceEvent[]): Map<string, number> {
  const xs = events.filter((e) => e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const self = new Map<string, number>();
  const stack: TraceEvent[] = [];
  const add = (name: string, us: number) => self.set(name, (self.get(name) ?? 0) + us / 1000);
  for (const e of xs) {
    while (stack.length && stack.at(-1)!.ts + stack.at(-1)!.dur! <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) add(parent.name, -Math.min(e.dur!, parent.ts + parent.dur! - e.ts));
    add(e.name, e.dur!);
    stack.push(e);
  }
  return self;
}

/** Self time (ms) per JavaScript function from the profiler's samples on that process, inside `keep` windows. */
function jsSelfTimes(events: TraceEvent[], pid: number, keepTs: (ts: number) => boolean): Map<string, number> {
  const nodes = new Map<number, ProfileNode>();
  const samples: Array<[number, number]> = []; // [node id, timestamp µs]
  const clock = new Map<string, number>(); // profile id → time of its last sample
  for (const e of events) {
    if (e.pid !== pid) continue;
    const data = e.args?.data as { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
    if (e.name === 'Profile') clock.set(e.id ?? '', data?.startTime ?? e.ts);
    if (e.name !== 'ProfileChunk') continue;
    for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
    let t = clock.get(e.id ?? '') ?? e.ts;
    const ids = data?.cpuProfile?.samples ?? [];
    ids.forEach((id, i) => {
      t += data?.timeDeltas?.[i] ?? 0;
      samples.push([id, t]);
    });
    clock.set(e.id ?? '', t);
  }
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < samples.length; i++) {
    const [id, t] = samples[i]!;
    const node = nodes.get(id);
    if (!node || !keepTs(t)) continue;
    const f = node.callFrame;
    const where = f.url ? `${f.url.split('/').pop()}:${f.lineNumber + 1}` : '';
    const key = `${f.functionName || '(anonymous)'} ${where}`.trim();
    out.set(key, (out.get(key) ?? 0) + Math.max(0, samples[i + 1]![1] - t) / 1000);
  }
  return out;
}

function top(map: Map<string, number>, n: number): string {
  return [...map.entries()]
    .filter(([, v]) => v > 0.05)
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${v.toFixed(1).padStart(9)} ms  ${k}`)
    .join('\n');
}

const [file, count] = process.argv.slice(2);
if (!file) throw new Error('usage: tsx bench/trace-summary.ts TRACE.json [top]');
const raw = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
const events = Array.isArray(raw) ? raw : (raw.traceEvents ?? []);
const { pid, tid } = mainThread(events);
/** The bench marks its timed windows as `bench:timed` measures; outside them it only sets up. */
function timedWindows(): Array<[number, number]> {
  const open = new Map<string, number>();
  const out: Array<[number, number]> = [];
  for (const e of events) {
    if (e.name !== 'bench:timed') continue;
    const key = `${e.pid}:${e.id ?? ''}`;
    if (e.ph === 'b') open.set(key, e.ts);
    else if (e.ph === 'e' && open.has(key)) out.push([open.get(key)!, e.ts]);
  }
  return out;
}
const windows = timedWindows();
const inWindowTs = (ts: number) => windows.length === 0 || windows.some(([a, b]) => ts >= a && ts < b);
const inWindow = (e: TraceEvent) => inWindowTs(e.ts);
const onMain = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && inWindow(e));
const profileEvents = events.filter((e) => e.name === 'ProfileChunk' || e.name === 'Profile');
const n = Number(count ?? 25);
const timedMs = windows.reduce((s, [a, b]) => s + (b - a) / 1000, 0);
console.log(`${file}: renderer main thread, ${windows.length} timed windows (${timedMs.toFixed(0)} ms in all)\n\nself time by trace event:\n${top(selfTimes(onMain), n)}`);
console.log(`\nself time by JavaScript function (sampled):\n${top(jsSelfTimes(profileEvents, pid, inWindowTs), n)}`);
