import { HeatwireError } from '../core/errors.js';
import { formatDuration, pluralise } from './format-duration.js';
import { HOUR, resolveHeatOptions, type HeatOptions, type HeatOptionsInput } from './heat-options.js';
import { parseInstant } from './parse-instant.js';

/** One article of a story, as heat sees it. */
export interface HeatArticle {
  /** ISO 8601; when the publisher says it was published. */
  publishedAt: string;
  /** ISO 8601; when Heatwire first saw it. */
  firstSeenAt: string;
  /** Provider name or domain; distinct values count as distinct providers. */
  provider: string;
  /** 0–100, from enrich/quality. */
  quality?: number;
}

/** A story to score: its articles, the entities it mentions and what the reader watches. */
export interface HeatStory {
  articles: HeatArticle[];
  watched?: { people: string[]; orgs: string[] };
  people?: string[];
  orgs?: string[];
}

/** Direction of coverage: more per hour lately than before, about the same, or less. */
export type HeatTrend = 'rising' | 'steady' | 'cooling';

/** Heat of a story at `now`: 0–100, or `-1` when not scored; human reasons; the trend. */
export interface Heat {
  score: number;
  reasons: string[];
  trend: HeatTrend;
}

interface Dated {
  at: number;
  provider: string;
  quality: number | undefined;
}

/**
 * Heat of a story at `now` (docs/heat.md has the formula and constants):
 * `100 × decay × base × boost`, capped at 100, where `decay = 2^(−quiet / halfLife)`, `base` mixes
 * log-scaled distinct providers, log-scaled articles in the last 6 h and the mean of the top-k
 * quality, and `boost` rewards watched people and organisations. Returns `-1` when the last coverage
 * is older than `maxAgeDays`, when one provider has been quiet for `staleAloneHours`, or when no
 * article has a date. Articles dated after `now` are not yet known at `now` and are ignored, so
 * that, without new coverage, the score never increases as `now` advances.
 *
 * @example computeHeat({ articles }, new Date()).reasons // ["7 providers in 6 h, rising", …]
 */
export function computeHeat(story: HeatStory, now: Date, options?: HeatOptionsInput): Heat {
  const opts = resolveHeatOptions(options);
  const nowMs = now.getTime();
  if (!Number.isFinite(nowMs)) throw new HeatwireError('USAGE', 'computeHeat: now is not a valid date');

  const dated = datedArticles(story.articles, nowMs);
  if (dated.length === 0) {
    const why = story.articles.length === 0 ? 'no coverage' : 'no usable dates';
    return { score: -1, reasons: [`${why}: not scored`], trend: 'steady' };
  }

  const lastAt = Math.max(...dated.map((a) => a.at));
  const quietMs = nowMs - lastAt;
  const providers = new Set(dated.map((a) => a.provider)).size;
  const recentFrom = nowMs - opts.recentHours * HOUR;
  const priorFrom = recentFrom - opts.priorHours * HOUR;
  const recent = dated.filter((a) => a.at > recentFrom);
  const prior = dated.filter((a) => a.at > priorFrom && a.at <= recentFrom);
  const trend = findTrend(recent.length, prior.length, opts);

  if (quietMs > opts.maxAgeDays * 24 * HOUR) {
    return { score: -1, reasons: [`quiet for ${formatDuration(quietMs)}: too old, not scored`], trend };
  }
  if (providers === 1 && quietMs > opts.staleAloneHours * HOUR) {
    return { score: -1, reasons: [`one provider, quiet for ${formatDuration(quietMs)}: not scored`], trend };
  }

  const providerSignal = logScale(providers, opts.providerCap);
  const velocitySignal = logScale(recent.length, opts.velocityCap);
  const qualityScore = topQuality(dated, opts);
  const { weights } = opts;
  const weightSum = weights.providers + weights.velocity + weights.quality || 1;
  const base =
    (weights.providers * providerSignal + weights.velocity * velocitySignal + (weights.quality * qualityScore) / 100) /
    weightSum;
  const decay = Math.pow(2, -quietMs / (opts.halfLifeHours * HOUR));
  const matches = watchedMatches(story);
  const boost = 1 + Math.min(opts.watchedBoostMax, opts.watchedBoostEach * matches.length);
  // One decimal is enough for ordering and keeps exports stable; rounding is monotone, so it
  // cannot break the "never increases without new coverage" property.
  const score = Math.round(Math.min(100, 100 * decay * base * boost) * 10) / 10;

  return { score, reasons: explainHeat({ dated, recent, providers, quietMs, trend, qualityScore, matches }, opts), trend };
}

/** The article's instant: the earlier of published and first seen (a page cannot be published
 * after we saw it, so a later `publishedAt` is a wrong clock); either alone when the other is bad. */
function datedArticles(articles: HeatArticle[], nowMs: number): Dated[] {
  const out: Dated[] = [];
  for (const a of articles) {
    const candidates = [parseInstant(a.publishedAt), parseInstant(a.firstSeenAt)].filter(
      (t): t is number => t !== undefined,
    );
    if (candidates.length === 0) continue;
    const at = Math.min(...candidates);
    if (at > nowMs) continue;
    const provider = (a.provider ?? '').trim().toLowerCase() || '(unknown)';
    const quality = typeof a.quality === 'number' && Number.isFinite(a.quality) ? clamp(a.quality, 0, 100) : undefined;
    out.push({ at, provider, quality });
  }
  return out;
}

/** ln(1+n)/ln(1+cap), capped at 1: the 2nd provider matters more than the 12th. */
function logScale(n: number, cap: number): number {
  return Math.min(1, Math.log1p(n) / Math.log1p(cap));
}

function topQuality(dated: Dated[], opts: HeatOptions): number {
  const known = dated.map((a) => a.quality).filter((q): q is number => q !== undefined);
  if (known.length === 0) return opts.qualityDefault;
  const top = known.sort((a, b) => b - a).slice(0, opts.qualityTopK);
  return top.reduce((s, q) => s + q, 0) / top.length;
}

/** Compares articles per hour in the recent window with the prior window. */
function findTrend(recent: number, prior: number, opts: HeatOptions): HeatTrend {
  const recentRate = recent / opts.recentHours;
  const priorRate = prior / opts.priorHours;
  // No new coverage at all: whatever came before, the story is losing attention.
  if (recent === 0) return 'cooling';
  if (recent >= 2 && recentRate >= opts.risingRatio * priorRate) return 'rising';
  if (recentRate < opts.coolingRatio * priorRate) return 'cooling';
  return 'steady';
}

/** Watched names the story mentions, compared without case, accents or extra spaces. */
function watchedMatches(story: HeatStory): string[] {
  const watched = story.watched;
  if (!watched) return [];
  const found: string[] = [];
  const pairs: Array<[string[], string[] | undefined]> = [
    [watched.people ?? [], story.people],
    [watched.orgs ?? [], story.orgs],
  ];
  for (const [wanted, present] of pairs) {
    const have = new Set((present ?? []).map(foldName));
    for (const name of wanted) if (have.has(foldName(name)) && !found.includes(name)) found.push(name);
  }
  return found;
}

/** Case-, accent- and space-insensitive key for a name. */
export function foldName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

interface Explain {
  dated: Dated[];
  recent: Dated[];
  providers: number;
  quietMs: number;
  trend: HeatTrend;
  qualityScore: number;
  matches: string[];
}

function explainHeat(e: Explain, opts: HeatOptions): string[] {
  const reasons: string[] = [];
  if (e.recent.length > 0) {
    const recentProviders = new Set(e.recent.map((a) => a.provider)).size;
    reasons.push(`${pluralise(recentProviders, 'provider')} in ${opts.recentHours} h, ${e.trend}`);
  } else {
    reasons.push(`quiet for ${formatDuration(e.quietMs)}, ${e.trend}`);
  }
  reasons.push(`${pluralise(e.providers, 'provider')}, ${pluralise(e.dated.length, 'article')} in all`);
  const q = Math.round(e.qualityScore);
  if (e.dated.every((a) => a.quality === undefined)) reasons.push('coverage quality unknown');
  else if (q >= 70) reasons.push(`strong coverage (quality ${q})`);
  else if (q < 40) reasons.push(`thin coverage (quality ${q})`);
  if (e.matches.length > 0) reasons.push(`watched: ${e.matches.join(', ')}`);
  return reasons;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}
