import { cpus, totalmem } from 'node:os';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const sectionsDir = join(root, 'docs', 'benchmarks');

/** One line naming the machine a figure was measured on. */
export function machineLine(): string {
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${process.platform}/${process.arch}`;
}

/**
 * Writes one benchmark's section to docs/benchmarks/NAME.md and rebuilds docs/BENCHMARKS.md
 * from all sections, so every bench run leaves the figures, the command and the machine on record.
 */
export function writeBenchSection(name: string, title: string, command: string, body: string): void {
  mkdirSync(sectionsDir, { recursive: true });
  const date = new Date().toISOString().slice(0, 10);
  const section = `## ${title}\n\nCommand: \`${command}\` — measured ${date} on ${machineLine()}.\n\n${body.trim()}\n`;
  writeFileSync(join(sectionsDir, `${name}.md`), section);
  rebuildBenchmarksMd();
}

/** Concatenates docs/benchmarks/*.md into docs/BENCHMARKS.md. */
export function rebuildBenchmarksMd(): void {
  const files = readdirSync(sectionsDir).filter((f) => f.endsWith('.md')).sort();
  const parts = files.map((f) => readFileSync(join(sectionsDir, f), 'utf8').trim());
  const header =
    '# Benchmarks\n\nEvery figure here was written by the benchmark that measured it (`npm run bench:*`), with ' +
    'the command, the date and the machine. Sections live in `docs/benchmarks/` and are gathered here by ' +
    '`bench/report.ts`. Targets come from the issues; a figure below target is said so, not hidden.\n';
  writeFileSync(join(root, 'docs', 'BENCHMARKS.md'), `${header}\n${parts.join('\n\n')}\n`);
}

/** p-th percentile (0..100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
