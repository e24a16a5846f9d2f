/**
 * `npm run bench:extract`: Heatwire's extractor against Mozilla Readability on jsdom (the usual
 * choice) on the public devsets in ../shared/devsets, on identical inputs, in one run:
 *   (a) trafilatura-en: share of snippets right and of pages passed;
 *   (b) readability-pages: exact-match rates of title, byline, excerpt, siteName, publishedTime
 *       against expected-metadata.json, and body F1 (4-gram shingles, devsets README) against
 *       the text of expected.html;
 *   (c) pages/s in one process and peak RSS, each tool in its own child process (so that RSS is
 *       the tool's own), plus Readability on linkedom for reference.
 * Text normalisation is the same for every tool: Readability's article HTML and expected.html go
 * through Heatwire's HTML→text function (`toPlainText` on Heatwire's parser); Heatwire's own text
 * comes out of the same function. Snippets are matched after NFKC and whitespace collapsing.
 * Writes docs/benchmarks/extract.md (and regenerates docs/BENCHMARKS.md).
 *
 *   npm run bench:extract -- [--no-write] [--limit N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { JSDOM, VirtualConsole } from 'jsdom';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { DevsetCasesSchema as CasesSchema, ExpectedMetadataSchema as MetaSchema } from '../src/extract/devset-files.js';
import { normalizeDate } from '../src/extract/dates.js';
import { extractArticle, resolvePublishedDate } from '../src/extract/extract-article.js';
import { toPlainText } from '../src/extract/html-output.js';
import { parseHtml } from '../src/extract/parse-html.js';
import { checkSnippets, type PageScore, scorePage, summarizeScores } from '../src/extract/quality-metrics.js';
import { SHARED_DIR } from '../test/support/shared.js';
import { writeBenchSection } from './report.js';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const limit = Number(option('--limit') ?? Infinity);
const DEVSETS = join(SHARED_DIR, 'devsets');
const TRAF = join(DEVSETS, 'trafilatura-en');
const READ = join(DEVSETS, 'readability-pages');
const FAKE_URL = 'http://fakehost/test/page.html'; // the URL Readability's own test suite uses


interface Page {
  html: string;
  url: string;
}

function loadPages(): { traf: Array<Page & { with: string[]; without: string[] }>; read: Array<Page & { name: string }> } {
  const cases = CasesSchema.parse(JSON.parse(readFileSync(join(TRAF, 'cases.json'), 'utf8')));
  const traf = Object.entries(cases)
    .slice(0, limit)
    .map(([url, c]) => ({ url, html: readFileSync(join(TRAF, 'pages', c.file), 'utf8'), with: c.with, without: c.without }));
  const read = readdirSync(READ)
    .slice(0, limit)
    .map((name) => ({ name, url: FAKE_URL, html: readFileSync(join(READ, name, 'source.html'), 'utf8') }));
  return { traf, read };
}

/** What either tool gives back, reduced to the compared fields. */
interface Output {
  text: string;
  title: string | null;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  published: string | null;
  /** The date a consumer files the article under: declared, else Heatwire's guess. */
  dated: string | null;
}

const htmlText = (html: string): string => toPlainText(parseHtml(html).body);
const silent = new VirtualConsole(); // jsdom reports every CSS it cannot parse; not our subject

function runHeatwire(page: Page): Output {
  try {
    const a = extractArticle(page.html, { url: page.url, timeBudgetMs: 60_000 });
    return { text: a.text, title: a.title, byline: a.byline, excerpt: a.excerpt, siteName: a.siteName, published: a.publishedDateTime, dated: resolvePublishedDate(a) };
  } catch {
    return { text: '', title: null, byline: null, excerpt: null, siteName: null, published: null, dated: null };
  }
}

function runReadabilityJsdom(page: Page): Output {
  const dom = new JSDOM(page.html, { url: page.url, virtualConsole: silent });
  try {
    const a = new Readability(dom.window.document).parse();
    const published = normalizeDate(a?.publishedTime);
    return {
      text: a?.content ? htmlText(a.content) : '',
      title: a?.title ?? null,
      byline: a?.byline ?? null,
      excerpt: a?.excerpt ?? null,
      siteName: a?.siteName ?? null,
      published,
      dated: published,
    };
  } catch {
    return { text: '', title: null, byline: null, excerpt: null, siteName: null, published: null, dated: null };
  } finally {
    dom.window.close();
  }
}

function runReadabilityLinkedom(page: Page): void {
  try {
    const { document } = parseHTML(page.html);
    new Readability(document).parse();
  } catch {
    // speed reference only
  }
}

/** Child mode: run one tool over every page, report time and peak RSS as JSON on stdout. */
function child(tool: string): void {
  const { traf, read } = loadPages();
  const pages: Page[] = [...read, ...traf];
  const run = tool === 'heatwire' ? runHeatwire : tool === 'readability-jsdom' ? runReadabilityJsdom : runReadabilityLinkedom;
  for (const page of pages.slice(0, 10)) run(page); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const page of pages) run(page);
  const wallMs = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  process.stdout.write(
    JSON.stringify({ pages: pages.length, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024 }),
  );
}

const SpeedSchema = z.object({ pages: z.number(), wallMs: z.number(), cpuMs: z.number(), maxRssMb: z.number() });
type Speed = z.infer<typeof SpeedSchema>;

function measureInChild(tool: string): Speed {
  const out = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--child', tool, ...(option('--limit') ? ['--limit', String(limit)] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (out.status !== 0) throw new Error(`child ${tool} failed: ${out.stderr.slice(-2000)}`);
  return SpeedSchema.parse(JSON.parse(out.stdout.trim().split('\n').pop()!));
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function main(): void {
  const load0 = loadavg()[0]!;
  const { traf, read } = loadPages();

  // (a) trafilatura-en snippets
  const snip = { heatwire: { right: 0, total: 0, passed: 0 }, readability: { right: 0, total: 0, passed: 0 } };
  for (const page of traf) {
    for (const [name, out] of [['heatwire', runHeatwire(page)], ['readability', runReadabilityJsdom(page)]] as const) {
      const r = checkSnippets(out.text, page.with, page.without);
      snip[name].right += r.right;
      snip[name].total += r.total;
      snip[name].passed += r.passed ? 1 : 0;
    }
  }

  // (b) readability-pages metadata and body F1
  const fields = ['title', 'byline', 'excerpt', 'siteName', 'published'] as const;
  const hits = { heatwire: { title: 0, byline: 0, excerpt: 0, siteName: 0, published: 0 }, readability: { title: 0, byline: 0, excerpt: 0, siteName: 0, published: 0 } };
  const datedHits = { heatwire: 0, readability: 0 };
  const withDate = { heatwire: 0, readability: 0 };
  let dated = 0;
  const f1Pages: { heatwire: PageScore[]; readability: PageScore[] } = { heatwire: [], readability: [] };
  for (const page of read) {
    const meta = MetaSchema.parse(JSON.parse(readFileSync(join(READ, page.name, 'expected-metadata.json'), 'utf8')));
    const expected = { title: meta.title ?? null, byline: meta.byline ?? null, excerpt: meta.excerpt ?? null, siteName: meta.siteName ?? null, published: normalizeDate(meta.publishedTime) };
    if (expected.published) dated++;
    const reference = htmlText(readFileSync(join(READ, page.name, 'expected.html'), 'utf8'));
    for (const [name, out] of [['heatwire', runHeatwire(page)], ['readability', runReadabilityJsdom(page)]] as const) {
      for (const f of fields) if ((out[f] || null) === (expected[f] || null)) hits[name][f]++;
      if (expected.published && out.published === expected.published) datedHits[name]++;
      if (out.dated) withDate[name]++;
      f1Pages[name].push(scorePage(reference, out.text));
    }
  }
  const f1 = { heatwire: summarizeScores(f1Pages.heatwire), readability: summarizeScores(f1Pages.readability) };

  // (c) speed and memory, each tool alone in a child process
  const speed = { heatwire: measureInChild('heatwire'), jsdom: measureInChild('readability-jsdom'), linkedom: measureInChild('readability-linkedom') };
  const load1 = loadavg()[0]!;

  const ps = (s: Speed, key: 'wallMs' | 'cpuMs'): number => s.pages / (s[key] / 1000);
  const rows = [
    ['(a) trafilatura-en: snippets right', pct(snip.heatwire.right / snip.heatwire.total), pct(snip.readability.right / snip.readability.total), '≥ 90% and above Readability'],
    ['(a) trafilatura-en: pages passed', pct(snip.heatwire.passed / traf.length), pct(snip.readability.passed / traf.length), ''],
    ...(['title', 'byline', 'excerpt', 'siteName'] as const).map((f) => [`(b) readability-pages: ${f} exact`, pct(hits.heatwire[f] / read.length), pct(hits.readability[f] / read.length), '≥ Readability']),
    ['(b) readability-pages: publishedTime exact (all pages)', pct(hits.heatwire.published / read.length), pct(hits.readability.published / read.length), '≥ Readability'],
    [`(b) publishedTime exact where the reference has one (${dated} pages)`, pct(datedHits.heatwire / dated), pct(datedHits.readability / dated), ''],
    ['(b) pages given a date (Heatwire: declared, else guessed)', pct(withDate.heatwire / read.length), pct(withDate.readability / read.length), ''],
    ['(b) body F1 vs expected.html (P / R)', `${f1.heatwire.f1.toFixed(4)} (${f1.heatwire.precision.toFixed(3)} / ${f1.heatwire.recall.toFixed(3)})`, `${f1.readability.f1.toFixed(4)} (${f1.readability.precision.toFixed(3)} / ${f1.readability.recall.toFixed(3)})`, '≥ 0.93'],
    ['(b) body exact token sequence', pct(f1.heatwire.accuracy), pct(f1.readability.accuracy), ''],
    ['(c) pages/s, wall clock', ps(speed.heatwire, 'wallMs').toFixed(1), ps(speed.jsdom, 'wallMs').toFixed(1), `≥ 10× (${(ps(speed.heatwire, 'wallMs') / ps(speed.jsdom, 'wallMs')).toFixed(1)}×)`],
    ['(c) pages/s, CPU time', ps(speed.heatwire, 'cpuMs').toFixed(1), ps(speed.jsdom, 'cpuMs').toFixed(1), `${(ps(speed.heatwire, 'cpuMs') / ps(speed.jsdom, 'cpuMs')).toFixed(1)}×`],
    ['(c) peak RSS (MB, whole process)', speed.heatwire.maxRssMb.toFixed(0), speed.jsdom.maxRssMb.toFixed(0), ''],
  ];
  const table = [
    '| measure | Heatwire | Readability + jsdom | target |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
  const nproc = execFileSync('nproc', { encoding: 'utf8' }).trim();
  const model = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? 'unknown';
  const body = `${table}

Readability on linkedom (speed reference, same pages): ${ps(speed.linkedom, 'wallMs').toFixed(1)} pages/s wall clock, ${ps(speed.linkedom, 'cpuMs').toFixed(1)} pages/s CPU, peak RSS ${speed.linkedom.maxRssMb.toFixed(0)} MB.

Machine: \`nproc\` = ${nproc}, CPU "${model}", Node ${process.version}; load average ${load0.toFixed(1)} at start and ${load1.toFixed(1)} at end (the machine is shared: CPU time is the steadier speed figure, wall clock is what a user sees).
Inputs: ${traf.length} trafilatura-en pages (${snip.heatwire.total} snippets) and ${read.length} readability-pages, read from \`../shared/devsets\`; speed runs all ${speed.heatwire.pages} pages once after a 10-page warm-up, each tool in its own child process.
Normalisation: Readability's article HTML and expected.html are turned into text by Heatwire's \`toPlainText\` (same parser, same rules) so both tools are scored on the same kind of text; snippets are matched after NFKC and whitespace collapsing; publishedTime values (reference and both tools) are normalised to ISO 8601 UTC before comparison. Readability runs with the test suite's URL \`${FAKE_URL}\` on readability-pages and the page URL on trafilatura-en; Heatwire gets the same URLs.
publishedTime is compared with Heatwire's \`publishedDateTime\`, the date the page's article metadata declares (JSON-LD, OpenGraph \`article:published_time\`, Parse.ly); dates Heatwire only infers (other meta tags, microdata, \`<time>\`, the URL) are in \`publishedTimeGuess\` and are counted in the "pages given a date" row, which is what ingest files articles under (docs/extraction.md, "Dates").`;
  process.stdout.write(`${body}\n`);
  if (!args.includes('--no-write')) {
    writeBenchSection('extract', 'Article extraction (bench:extract)', `npm run bench:extract${limit < Infinity ? ` -- --limit ${limit}` : ''}`, body);
  }
}

if (args.includes('--child')) child(option('--child') ?? 'heatwire');
else main();
