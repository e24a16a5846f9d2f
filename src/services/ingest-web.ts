import { extname } from 'node:path';
import { HeatwireError, toHeatwireError } from '../core/errors.js';
import { decodeFeedText, parseFeed, parseOpml, sniffFeed } from '../ingest/feeds/index.js';
import type { Fetcher } from '../ingest/fetcher/index.js';
import { readFile, stat } from 'node:fs/promises';
import { canonicalFeedUrl, isHttpUrl } from '../sources/canonical-feed-url.js';
import type { SourceStore } from '../store/sources.js';
import { buildFeedItems, type FetchSourceDeps } from './fetch-source-items.js';
import type { IngestDeps, IngestSummary } from './ingest.js';
import { ingestItems } from './ingest-items.js';
import { findStoredArticle } from './poll-sources.js';
import { prepareArticle } from '../pipeline/prepare-article.js';
import { itemFromExtracted } from './read-web-inputs.js';
import { extractArticle } from '../extract/index.js';

/** What `ingest` needs for URL arguments and OPML files. */
export interface WebIngestDeps {
  fetcher: Fetcher;
  sources: SourceStore;
  extract?: FetchSourceDeps['extract'];
}

/** Sources an OPML import added, and those it found already followed. */
export interface SourceImportCounts {
  added: number;
  duplicate: number;
}

/** True for the `ingest` arguments handled here: `http(s)://` URLs and `.opml` files. */
export function isWebArgument(arg: string): boolean {
  return isHttpUrl(arg) || extname(arg).toLowerCase() === '.opml';
}

/**
 * `heatwire ingest URL|file.opml` (issue 3 §2, §4). A URL is fetched: a feed has its items
 * ingested once (teasers completed from their pages), without adding a source; a page is
 * extracted and stored as one article. An OPML file subscribes its feeds (nested outlines
 * become tags; feeds already followed are counted as duplicates, not re-added). Counts and
 * failures go into `summary`; one failing argument never stops the others.
 */
export async function ingestWebArguments(
  args: readonly string[],
  deps: IngestDeps & { web?: WebIngestDeps },
  summary: IngestSummary,
): Promise<void> {
  for (const arg of args) {
    summary.files += 1;
    try {
      if (!deps.web) throw new HeatwireError('USAGE', 'URLs and OPML files need the fetcher and the sources store', { input: arg });
      if (isHttpUrl(arg)) await ingestUrl(arg, deps, deps.web, summary);
      else await importOpml(arg, deps, deps.web, summary);
    } catch (err) {
      const e = toHeatwireError(err, arg);
      summary.failed.push({ input: e.input ?? arg, code: e.code, reason: e.message });
    }
  }
}

async function ingestUrl(url: string, deps: IngestDeps, web: WebIngestDeps, summary: IngestSummary): Promise<void> {
  const res = await web.fetcher.fetch(url);
  const contentType = res.headers['content-type'];
  const kind = sniffFeed(res.body, contentType);
  let items;
  if (kind && kind !== 'opml') {
    const feed = parseFeed(res.body, { url: res.url, contentType, now: deps.now() });
    const built = await buildFeedItems(feed, res.url, 'auto', {
      fetcher: web.fetcher,
      now: deps.now,
      findStored: (link) => findStoredArticle(deps.store, link),
      contentHashOf: (item) => prepareArticle(item, { ring: deps.ring })[0]?.contentHash ?? '',
      ...(web.extract ? { extract: web.extract } : {}),
    });
    summary.duplicate += built.known;
    for (const f of built.pageFailures) summary.failed.push({ input: f.url, code: f.code, reason: `${f.reason} (the feed's teaser was stored)` });
    items = built.items;
    if (!items.length && !built.known) throw new HeatwireError('FEED_INVALID', feed.warnings.join('; ') || 'the feed has no items', { input: url });
  } else {
    const html = decodeFeedText(res.body, contentType).text;
    const article = web.extract ? web.extract(html, res.url) : extractArticle(html, { url: res.url });
    items = [itemFromExtracted(article, url)];
  }
  const stored = await ingestItems(items, deps);
  summary.new += stored.new;
  summary.updated += stored.updated;
  summary.duplicate += stored.duplicate;
  summary.related += stored.related;
  summary.failed.push(...stored.failed);
}

async function importOpml(path: string, deps: IngestDeps, web: WebIngestDeps, summary: IngestSummary): Promise<void> {
  // Read as bytes: parseOpml decodes by BOM / XML declaration (an OPML file need not be UTF-8).
  if ((await stat(path)).size > deps.maxInputBytes) {
    throw new HeatwireError('INPUT_TOO_LARGE', `over ${deps.maxInputBytes} bytes`, { input: path });
  }
  const opml = parseOpml(await readFile(path));
  if (!opml.outlines.length) throw new HeatwireError('FEED_INVALID', opml.warnings.join('; ') || 'the OPML lists no feeds', { input: path });
  const counts: SourceImportCounts = summary.sources ?? { added: 0, duplicate: 0 };
  summary.sources = counts;
  const now = deps.now().toISOString();
  for (const outline of opml.outlines) {
    try {
      const { added } = await web.sources.addSource(
        {
          feedUrl: canonicalFeedUrl(outline.xmlUrl),
          title: outline.title ?? null,
          siteUrl: outline.htmlUrl ?? null,
          settings: { tags: outline.tags },
        },
        now,
      );
      counts[added ? 'added' : 'duplicate'] += 1;
    } catch (err) {
      const e = toHeatwireError(err, path);
      summary.failed.push({ input: path, code: e.code, reason: `${outline.xmlUrl}: ${e.message}` });
    }
  }
}
