import { HeatwireError, toHeatwireError } from '../core/errors.js';
import { findEntities } from './entities/find-entities.js';
import { detectLanguage } from './language/index.js';
import { findMoves } from './moves/find-moves.js';
import { findRoles } from './moves/find-roles.js';
import { scoreQuality, type QualityInput, type QualityResult } from './quality/index.js';
import type { ProviderTable } from './quality/provider-table.js';
import { makeExcerpt, summarize } from './summary/index.js';
import { classifyTopics, type Taxonomy, type TopicModel, type TopicResult } from './topics/index.js';

/** What enrichment needs besides the article: the taxonomy, an optional model, the provider table. */
export interface EnrichDeps {
  taxonomy: Taxonomy;
  model?: TopicModel;
  providers: ProviderTable;
}

/**
 * The article as enrichment sees it (plain values; no store, no clock): the article fields of
 * quality scoring, plus the page's declared language, used when the text is too short to tell.
 */
export type EnrichInput = Pick<
  QualityInput,
  'title' | 'text' | 'excerpt' | 'byline' | 'authors' | 'publishedDateTime' | 'images' | 'provider'
> & { languageHint?: string };

/** Everything Heatwire adds to an article (DESIGN.md §6, `heatwire analyze`). */
export interface Enrichment {
  language: string;
  topics: TopicResult[];
  entities: Array<{ name: string; type: string; mentions: string[]; count: number; salience: number }>;
  moves: ReturnType<typeof findMoves>;
  roles: ReturnType<typeof findRoles>;
  quality: QualityResult;
  summary: string;
  /** An excerpt made from the text when the item had none. */
  excerpt?: string;
  /** Stages that failed: reported, never fatal (an optional enrichment never fails ingestion). */
  errors: Array<{ stage: string; code: string; message: string }>;
}

/**
 * Runs every enrichment stage on one article: language, entities, topics (rules + model),
 * people's moves and roles, quality, summary and excerpt. Each stage is isolated: one that
 * throws leaves an empty result and an entry in `errors`, and the others still run.
 */
export function enrichArticle(input: EnrichInput, deps: EnrichDeps): Enrichment {
  const errors: Enrichment['errors'] = [];
  const run = <T>(stage: string, fallback: T, fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      const e = err instanceof HeatwireError ? err : toHeatwireError(err);
      errors.push({ stage, code: e.code, message: e.message });
      return fallback;
    }
  };
  const text = input.text ?? '';
  const body = text || input.excerpt || '';
  const language = run('language', 'und', () => detectLanguage(`${input.title}\n${body}`, input.languageHint).code);
  const entities = run('entities', [], () => findEntities({ title: input.title, text: body, language }));
  const topics = run('topics', [], () =>
    classifyTopics({ title: input.title, text: body, entities: entities.map((e) => e.name) }, deps.taxonomy, deps.model),
  );
  const moveInput = { title: input.title, text: body, publishedDateTime: input.publishedDateTime, language };
  const moves = run('moves', [], () => findMoves(moveInput));
  const roles = run('roles', [], () => findRoles(moveInput, moves));
  const quality = run<QualityResult>('quality', { score: 0, reasons: [] }, () =>
    scoreQuality({ ...input, text: text || undefined, language }, deps.providers),
  );
  const summary = run('summary', '', () => summarize({ title: input.title, text: body, language }).summary);
  const excerpt = input.excerpt ? undefined : run('excerpt', undefined, () => makeExcerpt(text) || undefined);
  return { language, topics, entities, moves, roles, quality, summary, ...(excerpt ? { excerpt } : {}), errors };
}
