/**
 * `npm run bench:feeds`: generates the feed corpus (bench/generate-feeds.ts), parses every file
 * with parseFeed and reports items/s, files/s, the slowest file, crashes (anything thrown that
 * is not a HeatwireError — must be 0), item-count mismatches on well-formed files, and feeds
 * that came back silently empty. Writes docs/benchmarks/feeds.md.
 *
 *   npm run bench:feeds -- [--count N] [--dir DIR] [--no-write]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HeatwireError } from '../src/core/errors.js';
import { parseFeed } from '../src/ingest/feeds/index.js';
import { DEFAULT_FEEDS_DIR, generateFeeds } from './generate-feeds.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const count = Number(option('--count') ?? 2000);
const dir = option('--dir') ?? DEFAULT_FEEDS_DIR;
const now = new Date('2024-06-01T00:00:00Z');

const genStart = performance.now();
const manifest = generateFeeds(dir, count);
const genMs = performance.now() - genStart;

let items = 0;
let bytes = 0;
let parseMs = 0;
let cpuMicros = 0;
let maxMs = 0;
let slowest = '';
let crashes = 0;
let mismatches = 0;
let silentEmpty = 0;
const errors = new Map<string, number>();
const crashList: string[] = [];
const mismatchList: string[] = [];

// Warm the JIT on a few files first, so that the slowest-file figure is not just start-up.
for (const entry of manifest.slice(0, 20)) {
  try {
    parseFeed(readFileSync(join(dir, entry.file)), { now });
  } catch {
    // measured below
  }
}

for (const entry of manifest) {
  const input = readFileSync(join(dir, entry.file));
  bytes += input.length;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    const feed = parseFeed(input, { url: `https://gen.example/feeds/${entry.file}`, now });
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    cpuMicros += cpu.user + cpu.system;
    parseMs += ms;
    if (ms > maxMs) [maxMs, slowest] = [ms, entry.file];
    items += feed.items.length;
    if (feed.items.length === 0 && feed.warnings.length === 0) silentEmpty++;
    if (entry.expectedItems !== undefined && feed.items.length !== entry.expectedItems) {
      mismatches++;
      mismatchList.push(`${entry.file}: ${feed.items.length} of ${entry.expectedItems}`);
    }
  } catch (err) {
    const ms = performance.now() - start;
    const cpu = process.cpuUsage(cpuStart);
    cpuMicros += cpu.user + cpu.system;
    parseMs += ms;
    if (ms > maxMs) [maxMs, slowest] = [ms, entry.file];
    if (err instanceof HeatwireError) errors.set(err.code, (errors.get(err.code) ?? 0) + 1);
    else {
      crashes++;
      crashList.push(`${entry.file}: ${String(err)}`);
    }
    if (!entry.broken) {
      mismatches++;
      mismatchList.push(`${entry.file}: threw ${String(err)}`);
    }
  }
}

const files = manifest.length;
const seconds = parseMs / 1000;
const cpuSeconds = cpuMicros / 1e6;
const cpu = cpus()[0]?.model ?? 'unknown';
const lines = [
  `files: ${files} (${manifest.filter((m) => m.broken).length} deliberately broken), ${(bytes / 1e6).toFixed(1)} MB, generated in ${(genMs / 1000).toFixed(1)} s`,
  `items: ${items}`,
  `parse time: ${seconds.toFixed(2)} s wall, ${cpuSeconds.toFixed(2)} s CPU (user+system of this process)`,
  `items/s: ${Math.round(items / seconds)} wall, ${Math.round(items / cpuSeconds)} per CPU-second`,
  `files/s: ${Math.round(files / seconds)} wall, ${Math.round(files / cpuSeconds)} per CPU-second`,
  `MB/s: ${(bytes / 1e6 / seconds).toFixed(1)} wall, ${(bytes / 1e6 / cpuSeconds).toFixed(1)} per CPU-second`,
  `max time per file: ${maxMs.toFixed(1)} ms (${slowest})`,
  `crashes (non-HeatwireError): ${crashes}`,
  `HeatwireErrors (expected for some broken files): ${[...errors].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}`,
  `item-count mismatches on well-formed files: ${mismatches}`,
  `silently empty feeds: ${silentEmpty}`,
];
console.log(lines.join('\n'));
for (const c of crashList.slice(0, 10)) console.log(`  crash: ${c}`);
for (const m of mismatchList.slice(0, 10)) console.log(`  mismatch: ${m}`);

if (!args.includes('--no-write')) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const out = join(root, 'docs', 'benchmarks', 'feeds.md');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(
    out,
    `# Feed parsing benchmark\n\n` +
      `Command: \`npm run bench:feeds\` (corpus: \`bench/generate-feeds.ts\`, ${count} files, seed 1, ` +
      `deterministic; parse time only, files read before timing, JIT warmed on 20 files first).\n\n` +
      `Machine: ${availableParallelism()} CPUs (nproc), ${cpu}, Node ${process.version}. Single process, one file at a time.\n` +
      `Measured ${new Date().toISOString().slice(0, 10)} (load average ${loadavg()[0]?.toFixed(1)} at the end: other jobs shared the\nmachine, so wall-clock rates are a floor; the per-CPU-second rates are steadier).\n\n` +
      '```\n' + `${lines.join('\n')}\n` + '```\n',
  );
  console.log(`wrote ${out}`);
}
if (crashes > 0 || silentEmpty > 0) process.exitCode = 1;
