/**
 * Quality score + extractive summary + excerpt throughput on ~3 KB news texts, one core.
 * Target (issue 4): ≤ ~1 ms per article for quality + summary, so that the whole enrichment
 * reaches ≥ 300 articles/s. Also times the sentence splitter against Intl.Segmenter.
 *
 * Run: npx tsx bench/summary.bench.ts [articles]   (writes docs/benchmarks/quality-summary.md)
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { loadProviderTable } from '../src/enrich/quality/provider-table.js';
import { scoreQuality } from '../src/enrich/quality/score-quality.js';
import { makeExcerpt } from '../src/enrich/summary/make-excerpt.js';
import { splitSentences } from '../src/enrich/summary/split-sentences.js';
import { summarize } from '../src/enrich/summary/summarize.js';
import { percentile, writeBenchSection } from './report.js';

const count = Number(process.argv[2] ?? 3000);
const source = readFileSync(new URL('../test/fixtures/quality/full-article.txt', import.meta.url), 'utf8');
const paragraphs = source.split('\n\n');
const table = loadProviderTable();
const domains = ['reuters.com', 'techcrunch.com', 'unknown-news.example', 'medium.com'];

// Deterministic variety: paragraphs rotated and numbers changed so no two texts are equal.
function makeArticle(i: number): { title: string; text: string } {
  let text = '';
  for (let p = i % paragraphs.length; text.length < 3000; p = (p + 3) % paragraphs.length) {
    text += `${paragraphs[p]!.replace(/\d+/g, (d) => String(Number(d) + i))}\n\n`;
  }
  return { title: `Robot maker ${i} raises funds for a new factory`, text: text.slice(0, 3200) };
}

const articles = Array.from({ length: count }, (_, i) => makeArticle(i));
const avgBytes = Math.round(articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0) / count);
const now = Date.parse('2024-03-10T00:00:00Z');

function runOnce(a: { title: string; text: string }, i: number): void {
  scoreQuality(
    { title: a.title, text: a.text, byline: i % 2 ? 'A. Writer' : undefined, publishedDateTime: '2024-03-01T10:00:00Z', provider: { name: 'x', domain: domains[i % 4]! }, language: 'en', expectedLanguages: ['en'] },
    table,
    { now },
  );
  summarize({ title: a.title, text: a.text });
  makeExcerpt(a.text);
}

for (let i = 0; i < Math.min(300, count); i++) runOnce(articles[i]!, i); // warm-up (JIT)
const perArticle: number[] = [];
const cpu0 = process.cpuUsage();
const t0 = performance.now();
for (let i = 0; i < count; i++) {
  const s = performance.now();
  runOnce(articles[i]!, i);
  perArticle.push(performance.now() - s);
}
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
// CPU seconds of this process: on a shared, oversubscribed machine wall time overstates the cost.
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
const rate = count / seconds;
const cpuRate = count / cpuSeconds;
const load = loadavg()[0]!.toFixed(1);

// Splitter vs Intl.Segmenter (sentence granularity) on the same texts.
const sample = articles.slice(0, 500);
let s0 = performance.now();
for (const a of sample) splitSentences(a.text);
const ours = (performance.now() - s0) / sample.length;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
s0 = performance.now();
for (const a of sample) for (const _ of segmenter.segment(a.text)) void _;
const icu = (performance.now() - s0) / sample.length;

const big = Array.from({ length: 700 }, (_, i) => makeArticle(i).text).join('').slice(0, 2_000_000);
s0 = performance.now();
summarize({ title: 'Robot maker raises funds', text: big });
const bigMs = performance.now() - s0;

const lines = [
  `| measure | value |`,
  `|---|---|`,
  `| articles | ${count} (avg ${avgBytes} bytes of text) |`,
  `| quality + summary + excerpt, wall clock | **${Math.round(rate)} articles/s** (target ≥ 300 for the whole enrichment; 1-min load average ${load}) |`,
  `| quality + summary + excerpt, CPU time of this process | **${Math.round(cpuRate)} articles/s**, ${((cpuSeconds / count) * 1000).toFixed(3)} ms per article |`,
  `| per article (wall) p50 / p95 / p99 | ${percentile(perArticle, 50).toFixed(3)} / ${percentile(perArticle, 95).toFixed(3)} / ${percentile(perArticle, 99).toFixed(3)} ms (target ≤ ~1 ms) |`,
  `| sentence splitter (ours) per 3 KB | ${ours.toFixed(3)} ms |`,
  `| Intl.Segmenter (sentence) per 3 KB | ${icu.toFixed(3)} ms |`,
  `| summarize on 2 MB text | ${bigMs.toFixed(1)} ms (reads the first 100,000 chars, ≤ 150 candidates) |`,
];
console.log(lines.join('\n'));
writeBenchSection('quality-summary', 'Quality score and summaries', `npx tsx bench/summary.bench.ts ${count}`, lines.join('\n'));
