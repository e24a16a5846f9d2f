import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeatwireError } from '../src/core/errors.js';
import { NewsRecordSchema } from '../src/core/record.js';
import {
  buildSampleCorpus,
  CORPUS_PATH,
  formatCorpusJsonl,
  generateSampleCorpus,
  runCli,
  type SampleArticle,
} from './generate-sample-corpus.js';
import { listTemplates } from './sample-corpus/schedule.js';
import { SAMPLE_TOPICS } from './sample-corpus/types.js';

let corpus: SampleArticle[];
let committed: string;
let lines: Array<Record<string, unknown>>;

beforeAll(() => {
  corpus = buildSampleCorpus();
  committed = readFileSync(CORPUS_PATH, 'utf8');
  lines = committed.trimEnd().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
});

const primary = (): SampleArticle[] => corpus.filter((a) => !a.syndicatedFrom);
const groupBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
  return map;
};
const sentencesOf = (text: string): string[] => text.split(/(?<=[.!?]["”)]?)\s+/).filter((s) => s.length > 0);

describe('committed sample/corpus.jsonl', () => {
  it('has at least 240 lines, each a valid news record with a text', () => {
    expect(lines.length).toBeGreaterThanOrEqual(240);
    lines.forEach((line, i) => {
      const { text, ...record } = line;
      const parsed = NewsRecordSchema.safeParse(record);
      expect(parsed.success, `line ${i + 1}: ${parsed.error?.message ?? ''}`).toBe(true);
      expect(typeof text).toBe('string');
    });
  });

  it('equals the generator output byte for byte (run `npm run sample:generate` after changing it)', () => {
    expect(committed).toBe(formatCorpusJsonl(generateSampleCorpus()));
  });

  it('has unique webUrls, all on RFC 2606 .example domains', () => {
    const urls = lines.map((l) => l.webUrl as string);
    expect(new Set(urls).size).toBe(urls.length);
    for (const line of lines) {
      for (const url of [line.webUrl, line.originalUrl] as string[]) expect(new URL(url).hostname).toMatch(/\.example$/);
      expect((line.provider as { domain: string }).domain).toMatch(/\.example$/);
    }
  });

  it('spans at least 12 providers and 12 months of 2025–2026', () => {
    expect(new Set(lines.map((l) => (l.provider as { name: string }).name)).size).toBeGreaterThanOrEqual(12);
    const months = new Set(lines.map((l) => (l.publishedDateTime as string).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(12);
    for (const month of months) expect(month).toMatch(/^202[56]-/);
  });

  it('uses every taxonomy topic, most specific first and AI last', () => {
    const seen = new Set(lines.flatMap((l) => l.topics as string[]));
    for (const topic of SAMPLE_TOPICS) expect(seen, topic).toContain(topic);
    for (const line of lines) {
      const topics = line.topics as string[];
      expect(topics.at(-1)).toBe('AI');
      expect(new Set(topics).size).toBe(topics.length);
      for (const t of topics) expect(SAMPLE_TOPICS).toContain(t);
    }
  });

  it('has the seed-format fields: heat -1, varied quality, mostly unpublished', () => {
    const qualities = lines.map((l) => l.quality as number);
    expect(Math.min(...qualities)).toBeLessThanOrEqual(20);
    expect(Math.max(...qualities)).toBeGreaterThanOrEqual(85);
    expect(lines.every((l) => l.heat === -1 && l.type === 'article')).toBe(true);
    const published = lines.filter((l) => l.published === true).length;
    expect(published).toBeGreaterThan(0);
    expect(published).toBeLessThan(lines.length / 2);
    expect(lines.some((l) => Array.isArray(l.images))).toBe(true);
    expect(lines.some((l) => l.images === undefined)).toBe(true);
  });
});

describe('generateSampleCorpus', () => {
  it('is deterministic for a seed and changes with the seed', () => {
    expect(formatCorpusJsonl(generateSampleCorpus())).toBe(formatCorpusJsonl(generateSampleCorpus()));
    const other = generateSampleCorpus(7);
    expect(other.map((a) => a.record.title)).not.toEqual(corpus.map((a) => a.record.title));
  });

  it('writes 3–8 paragraphs of 1.5–4 KB per article, with no template residue', () => {
    for (const { text, record } of corpus) {
      const paragraphs = text.split('\n\n');
      expect(paragraphs.length, record.webUrl).toBeGreaterThanOrEqual(3);
      expect(paragraphs.length, record.webUrl).toBeLessThanOrEqual(8);
      const bytes = Buffer.byteLength(text, 'utf8');
      expect(bytes, record.webUrl).toBeGreaterThanOrEqual(1500);
      expect(bytes, record.webUrl).toBeLessThanOrEqual(4000);
      for (const field of [text, record.title, record.excerpt ?? '']) expect(field).not.toMatch(/[{}[\]|]/);
    }
  });

  it('groups articles into stories of 3–8 outlets with different wording on nearby dates', () => {
    const stories = [...groupBy(primary(), (a) => a.storyId).values()].filter((s) => s.length >= 3);
    expect(stories.length).toBeGreaterThanOrEqual(10);
    for (const story of stories) {
      expect(story.length).toBeLessThanOrEqual(8);
      expect(new Set(story.map((a) => a.record.provider?.name)).size).toBe(story.length);
      expect(new Set(story.map((a) => a.record.title.toLowerCase())).size).toBe(story.length);
      expect(new Set(story.map((a) => a.text.split('\n\n')[0])).size).toBe(story.length);
      const times = story.map((a) => Date.parse(a.record.publishedDateTime ?? ''));
      expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(4 * 86_400_000);
    }
  });

  it('includes syndicated near-duplicates of wire stories', () => {
    const byUrl = new Map(corpus.map((a) => [a.record.webUrl, a]));
    const copies = corpus.filter((a) => a.syndicatedFrom);
    expect(copies.length).toBeGreaterThanOrEqual(10);
    for (const copy of copies) {
      const source = byUrl.get(copy.syndicatedFrom);
      expect(source, copy.record.webUrl).toBeDefined();
      expect(copy.record.provider?.name).not.toBe(source?.record.provider?.name);
      expect(copy.record.title.toLowerCase()).toBe(source?.record.title.toLowerCase());
      const original = new Set(sentencesOf(source?.text ?? ''));
      const shared = sentencesOf(copy.text).filter((s) => original.has(s)).length;
      expect(shared / original.size, copy.record.webUrl).toBeGreaterThanOrEqual(0.7);
      expect(copy.text).not.toBe(source?.text);
    }
  });

  it('states people moves in natural phrasings, with careers that continue across stories', () => {
    const texts = primary().map((a) => a.text).join('\n');
    for (const phrase of ['is stepping down', 'has been named', 'joins from', 'the company\'s']) expect(texts).toContain(phrase);
    const withMoves = primary().filter((a) => a.moves.length > 0);
    expect(withMoves.length).toBeGreaterThanOrEqual(20);
    for (const article of withMoves) for (const move of article.moves) expect(article.text).toContain(move.person);
    const careers = groupBy(withMoves.flatMap((a) => a.moves.map((m) => ({ ...m, at: a.record.publishedDateTime ?? '' }))), (m) => m.person);
    const arcs = [...careers.values()].filter((moves) => {
      const left = moves.find((m) => m.change === 'leaves');
      const joined = moves.find((m) => m.change === 'joins');
      return left && joined && joined.from === left.organization && joined.organization !== left.organization && joined.at > left.at;
    });
    expect(arcs.length).toBeGreaterThanOrEqual(3);
  });

  it('varies its wording: many templates, no sentence in more than 10% of articles', () => {
    expect(listTemplates().length).toBeGreaterThanOrEqual(60);
    const counts = new Map<string, number>();
    for (const article of primary()) for (const s of new Set(sentencesOf(article.text))) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(counts.size).toBeGreaterThanOrEqual(1000);
    const [worst, most] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    expect(most, worst).toBeLessThanOrEqual(primary().length * 0.1);
  });
});

describe('runCli', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heatwire-sample-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the corpus for a seed to --out', () => {
    const out = join(dir, 'corpus.jsonl');
    runCli(['--seed', '7', '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(formatCorpusJsonl(generateSampleCorpus(7)));
  });

  it('rejects a seed that is not an integer as a usage error', () => {
    for (const seed of ['abc', '1.5']) {
      let caught: unknown;
      try {
        runCli(['--seed', seed, '--out', join(dir, 'rejected.jsonl')]);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(HeatwireError);
      expect((caught as HeatwireError).code).toBe('USAGE');
    }
  });
});
