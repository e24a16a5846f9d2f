import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { HeatwireError } from '../src/core/errors.js';
import { describeZodError, NewsRecordSchema, type NewsRecord } from '../src/core/record.js';
import { buildRecord } from './sample-corpus/build-record.js';
import { ANALYST_FIRMS, PROVIDERS, type ProviderProfile } from './sample-corpus/catalog.js';
import { composeArticle } from './sample-corpus/compose.js';
import { createRng, type Rng } from './sample-corpus/prng.js';
import { TemplatePicker } from './sample-corpus/render.js';
import { peopleAllocator, planStories, type PlannedStory } from './sample-corpus/schedule.js';
import { syndicateWireArticle } from './sample-corpus/syndicate.js';
import type { MoveTruth, TopicName } from './sample-corpus/types.js';

/**
 * The bundled sample corpus (issue 2, item 8): a deterministic, fictional set of AI-industry
 * news records with full text, loaded on first start so a new user sees something at once.
 * `npm run sample:generate` rewrites `sample/corpus.jsonl`; see docs/sample-corpus.md.
 */

/** The seed of the committed corpus. */
export const DEFAULT_SEED = 20250106;
/** Primary (non-syndicated) articles to plan; syndicated copies come on top. */
const TARGET_PRIMARY = 232;

/** One article with the ground truth the generator knows about it. */
export interface SampleArticle {
  record: NewsRecord;
  text: string;
  /** Articles about the same fictional event share a story id (for clustering checks). */
  storyId: string;
  /** Event kind (`launch`, `funding`, `departure`…). */
  kind: string;
  /** People moves the text states (for move-extraction checks). */
  moves: MoveTruth[];
  /** webUrl of the wire article this one republishes. */
  syndicatedFrom?: string;
}

/** The corpus with its ground truth, in publication order. Same seed ⇒ same output. */
export function buildSampleCorpus(seed: number = DEFAULT_SEED): SampleArticle[] {
  const rng = createRng(seed);
  const stories = planStories(rng.fork('plan'), TARGET_PRIMARY);
  const nextPerson = peopleAllocator(rng.fork('analysts'));
  const analysts = ANALYST_FIRMS.flatMap((firm) => [nextPerson(), nextPerson()].map((p) => ({ name: p.name, firm })));
  const takenUrls = new Set<string>();
  const corpusUse = new Map<string, number>();
  const out: SampleArticle[] = [];

  for (const story of stories) {
    const srng = rng.fork(story.event.storyId);
    const picker = new TemplatePicker(srng, corpusUse);
    const dekPicker = new TemplatePicker(srng);
    const providers = chooseProviders(story, srng);
    const times = providers
      .map(() => story.event.date.getTime() + srng.int(0, 60 * 60) * 60_000)
      .sort((a, b) => a - b)
      .map((t, j) => new Date(j === 0 ? Math.min(t, story.event.date.getTime() + 90 * 60_000) : t));
    providers.forEach((provider, j) => {
      const published = times[j] ?? story.event.date;
      const category = chooseCategory(provider, story, srng);
      const analyst = srng.pick(analysts);
      const article = composeArticle({
        event: story.event,
        provider,
        category,
        rng: srng,
        picker,
        dekPicker,
        extraSlots: { provider: provider.name, analyst: analyst.name, firm: analyst.firm },
      });
      const topics = varyTopics(story.topics, srng);
      const record = buildRecord({ provider, category, title: article.title, excerpt: article.excerpt, published, topics }, srng, takenUrls);
      const base = { storyId: story.event.storyId, kind: story.event.kind.id, moves: story.moves };
      out.push({ record, text: article.paragraphs.join('\n\n'), ...base });
      if (provider.role === 'wire' && srng.chance(0.7)) {
        for (const copy of syndicateWireArticle({ record, paragraphs: article.paragraphs, published }, srng, takenUrls)) {
          out.push({ ...copy, ...base, syndicatedFrom: record.webUrl ?? '' });
        }
      }
    });
  }
  // Publication order, then URL: a stable, readable order for the committed file. Plain code-unit
  // comparison, not localeCompare, whose collation depends on the machine's ICU locale.
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function key(a: SampleArticle): string {
  return `${a.record.publishedDateTime ?? ''} ${a.record.webUrl ?? ''}`;
}

/** The sample corpus as `{record, text}` items (the JSONL lines), for the first-start loader and tests. */
export function generateSampleCorpus(seed: number = DEFAULT_SEED): Array<{ record: NewsRecord; text: string }> {
  return buildSampleCorpus(seed).map(({ record, text }) => ({ record, text }));
}

/** JSONL: one record per line with its full text as `text`, newline-terminated. */
export function formatCorpusJsonl(items: ReadonlyArray<{ record: NewsRecord; text: string }>): string {
  return items.map(({ record, text }) => JSON.stringify({ ...record, text })).join('\n') + '\n';
}

/** Distinct publishers for one story, favouring those whose beat is the story's kind. */
function chooseProviders(story: PlannedStory, rng: Rng): ProviderProfile[] {
  const kind = story.event.kind.id;
  const pool = PROVIDERS.filter(
    (p) => p.role === 'primary' || p.role === 'wire' || (p.role === 'press' && !story.event.subject.real && p.beats.includes(kind)),
  );
  const weight = (p: ProviderProfile): number => (p.beats.includes(kind) ? (p.role === 'press' ? 2 : 5) : p.role === 'wire' ? 3 : 1);
  const chosen: ProviderProfile[] = [];
  while (chosen.length < story.size) {
    const left = pool.filter((p) => !chosen.includes(p));
    chosen.push(rng.weighted(left, weight));
  }
  return chosen;
}

function chooseCategory(provider: ProviderProfile, story: PlannedStory, rng: Rng): string {
  const entries = Object.entries(provider.categories);
  const category = rng.weighted(entries, ([, w]) => w)[0];
  // Only papers and safety evaluations are filed as `research`; elsewhere the outlet blogs.
  return category === 'research' && !['research', 'safety'].includes(story.event.kind.id) ? 'blog' : category;
}

/** Outlets tag inconsistently: sometimes a secondary topic is left out or `Generative AI` added. */
function varyTopics(topics: readonly TopicName[], rng: Rng): TopicName[] {
  const out = [...topics];
  if (out.length >= 4 && rng.chance(0.15)) out.splice(out.length - 2, 1);
  else if (!out.includes('Generative AI') && rng.chance(0.08)) out.splice(out.length - 1, 0, 'Generative AI');
  return out;
}

/** Validates every record against the news-record schema; the loader would reject it otherwise. */
export function assertValidCorpus(items: ReadonlyArray<{ record: NewsRecord }>): void {
  items.forEach(({ record }, i) => {
    const result = NewsRecordSchema.safeParse(record);
    if (!result.success) throw new HeatwireError('RECORD_INVALID', describeZodError(result.error), { input: 'sample corpus', line: i + 1 });
  });
}

/** Default output: `sample/corpus.jsonl` at the repository root. */
export const CORPUS_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'sample', 'corpus.jsonl');

const CliSchema = z.object({
  seed: z.coerce.number().int().default(DEFAULT_SEED),
  out: z.string().min(1).default(CORPUS_PATH),
});

/** `npm run sample:generate [-- --seed N --out PATH]`: writes the corpus file. */
export function runCli(argv: readonly string[]): void {
  const { values } = parseArgs({ args: [...argv], options: { seed: { type: 'string' }, out: { type: 'string' } } });
  const parsed = CliSchema.safeParse(values);
  if (!parsed.success) throw new HeatwireError('USAGE', describeZodError(parsed.error));
  const items = generateSampleCorpus(parsed.data.seed);
  assertValidCorpus(items);
  const out = resolve(parsed.data.out);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, formatCorpusJsonl(items));
  console.log(`wrote ${items.length} articles to ${join(out)}`);
}

if (process.argv[1] && pathToFileURL(resolve(process.argv[1])).href === import.meta.url) {
  try {
    runCli(process.argv.slice(2));
  } catch (err) {
    console.error(err instanceof HeatwireError ? err.describe() : err);
    process.exitCode = err instanceof HeatwireError && err.code === 'USAGE' ? 2 : 1;
  }
}
