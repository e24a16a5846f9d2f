import type { NewsRecord } from '../../src/core/record.js';
import type { ProviderProfile } from './catalog.js';
import type { Rng } from './prng.js';
import { slugify } from './render.js';

/** The parts of a record that differ per article; the rest is fixed by the seed format. */
export interface RecordInput {
  provider: ProviderProfile;
  category: string;
  title: string;
  excerpt: string;
  published: Date;
  topics: readonly string[];
  /** Quality adjustment on top of the provider's range (syndicated copies score lower). */
  qualityBias?: number;
}

const IMAGE_SIZES: ReadonlyArray<readonly [number, number]> = [[1200, 630], [1600, 900], [1024, 576], [800, 450], [1200, 800], [2048, 1152]];

/**
 * Builds one news record in the seed format's key order (`category` … `images`), with a webUrl
 * unique within `takenUrls` (which it extends) and an originalUrl that sometimes carries feed
 * tracking parameters, as links in real feeds do.
 */
export function buildRecord(input: RecordInput, rng: Rng, takenUrls: Set<string>): NewsRecord {
  const { provider, published } = input;
  const webUrl = uniqueUrl(articleUrl(provider, slugify(input.title), published, rng), takenUrls);
  const originalUrl = rng.chance(provider.trackingRate) ? `${webUrl}?${trackingQuery(provider, rng)}` : webUrl;
  const hasImage = rng.chance(provider.imageRate);
  const quality = Math.round(
    Math.min(95, Math.max(10, rng.int(provider.quality[0], provider.quality[1]) + (hasImage ? 4 : -4) + (input.qualityBias ?? 0))),
  );
  const record: NewsRecord = {
    category: input.category,
    title: input.title,
    excerpt: input.excerpt,
    publishedDateTime: formatIsoSeconds(published),
    originalUrl,
    webUrl,
    type: 'article',
    quality,
    // -1: not scored; Heatwire computes heat itself (DESIGN.md §2).
    heat: -1,
    // Curation flag: a minority arrives already published, more often the better items.
    published: rng.chance(0.06 + quality / 450),
    provider: { name: provider.name, domain: provider.domain },
    topics: [...input.topics],
  };
  if (hasImage) {
    const [width, height] = rng.pick(IMAGE_SIZES);
    const yyyy = published.getUTCFullYear();
    const mm = String(published.getUTCMonth() + 1).padStart(2, '0');
    record.images = [{ url: `https://cdn.${provider.domain}/images/${yyyy}/${mm}/${webUrlStem(webUrl)}.jpg`, width, height, isCached: false }];
  }
  return record;
}

function articleUrl(provider: ProviderProfile, slug: string, date: Date, rng: Rng): string {
  const yyyy = date.getUTCFullYear();
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  switch (provider.urlStyle) {
    case 'dated':
      return `https://www.${provider.domain}/${yyyy}/${mm}/${dd}/${slug}/`;
    case 'articles':
      return `https://${provider.domain}/articles/${slug}-${rng.int(100000, 999999)}`;
    case 'section':
      return `https://www.${provider.domain}/news/${provider.section}/${slug}`;
    case 'short':
      return `https://${provider.domain}/p/${slug}`;
  }
}

function uniqueUrl(url: string, taken: Set<string>): string {
  let candidate = url;
  for (let n = 2; taken.has(candidate); n++) candidate = url.endsWith('/') ? `${url.slice(0, -1)}-${n}/` : `${url}-${n}`;
  taken.add(candidate);
  return candidate;
}

function trackingQuery(provider: ProviderProfile, rng: Rng): string {
  return rng.pick([
    `utm_source=rss&utm_medium=feed&utm_campaign=${provider.section}`,
    'utm_source=newsletter&utm_medium=email',
    'ref=feed',
    `utm_source=${provider.section}-feed&utm_medium=syndication`,
  ]);
}

function webUrlStem(webUrl: string): string {
  return webUrl.replace(/\/$/, '').split('/').pop() ?? 'image';
}

/** ISO 8601 UTC with seconds and no fraction, the form the seed records use. */
export function formatIsoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}
