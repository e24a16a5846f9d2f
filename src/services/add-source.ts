import { HeatwireError } from '../core/errors.js';
import { decodeFeedText, discoverFeeds, parseFeed, sniffFeed } from '../ingest/feeds/index.js';
import type { Fetcher } from '../ingest/fetcher/index.js';
import { canonicalFeedUrl } from '../sources/canonical-feed-url.js';
import type { Source, SourceSettingsInput, SourceStore } from '../store/sources.js';

/** Ports of addSource. */
export interface AddSourceDeps {
  sources: SourceStore;
  fetcher: Fetcher;
  now: () => Date;
}

/** What `sources add` did. */
export interface AddSourceResult {
  source: Source;
  /** False when the feed was already followed (nothing changed). */
  added: boolean;
  /** The page the feed was discovered on, when `url` was a page rather than a feed. */
  discoveredFrom?: string;
}

/**
 * `heatwire sources add URL`: follows a feed. `url` may be the feed itself or a page that
 * announces one with `<link rel="alternate">` (the first one is taken). The feed is fetched
 * once to check it parses and to learn its title and site; FEED_INVALID when it is not a feed
 * and the page announces none. A feed already followed is returned with `added: false`.
 */
export async function addSource(
  url: string,
  settings: SourceSettingsInput,
  deps: AddSourceDeps,
): Promise<AddSourceResult> {
  const given = canonicalFeedUrl(url);
  const existing = await deps.sources.getSource(given);
  if (existing) return { source: existing, added: false };
  const res = await deps.fetcher.fetch(given);
  const now = deps.now();
  const kind = sniffFeed(res.body, res.headers['content-type']);
  if (kind && kind !== 'opml') {
    const feed = parseFeed(res.body, { url: res.url, contentType: res.headers['content-type'], now });
    return deps.sources.addSource(
      { feedUrl: given, title: feed.title || null, siteUrl: feed.link, settings },
      now.toISOString(),
    );
  }
  const page = decodeFeedText(res.body, res.headers['content-type']).text;
  const found = discoverFeeds(page, res.url);
  const feedUrl = found.feeds[0];
  if (!feedUrl) throw new HeatwireError('FEED_INVALID', 'not a feed, and the page announces no feed', { input: url });
  const canonical = canonicalFeedUrl(feedUrl);
  const again = await deps.sources.getSource(canonical);
  if (again) return { source: again, added: false, discoveredFrom: res.url };
  const feedRes = await deps.fetcher.fetch(canonical);
  const feed = parseFeed(feedRes.body, { url: feedRes.url, contentType: feedRes.headers['content-type'], now });
  if (feed.format === 'html') {
    throw new HeatwireError('FEED_INVALID', `the announced feed ${canonical} is an HTML page`, { input: url });
  }
  const added = await deps.sources.addSource(
    { feedUrl: canonical, title: feed.title || found.title || null, siteUrl: feed.link ?? res.url, settings },
    now.toISOString(),
  );
  return { ...added, discoveredFrom: res.url };
}
