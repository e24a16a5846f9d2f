import type { IncomingItem } from '../core/article.js';
import { HeatwireError, toHeatwireError } from '../core/errors.js';
import { extractArticle, type ExtractedArticle } from '../extract/index.js';
import { decodeFeedText, parseFeed, type FeedItem, type ParsedFeed } from '../ingest/feeds/index.js';
import type { Fetcher } from '../ingest/fetcher/index.js';
import { itemsFromFeed } from './read-web-inputs.js';
import type { Source } from '../store/sources.js';
import { mergePageIntoItem } from '../sources/merge-page-item.js';
import { needsFullText } from '../sources/needs-full-text.js';

/** Ports of one poll: the polite fetcher, the clock, and the page extractor. */
export interface FetchSourceDeps {
  fetcher: Fetcher;
  now: () => Date;
  /** HTML page → article (default: extractArticle under its size and time caps). */
  extract?: (html: string, url: string) => ExtractedArticle;
  /**
   * The stored article an item's link reaches, if any (Store.findIdByUrl + getArticle): a teaser
   * already stored is not fetched again (and not stored again over its full text) unless the feed
   * says it was updated since. Without it every teaser's page is fetched on every poll.
   */
  findStored?: (link: string) => Promise<{ updatedAt: string | null; contentHash: string } | null>;
  /**
   * The content hash the teaser item itself would be stored with (prepareArticle): when the
   * stored article has exactly that hash, only the teaser was stored (its page failed last time),
   * so the page is tried again.
   */
  contentHashOf?: (item: IncomingItem) => string;
  /** Pages fetched at once for one source (the fetcher still limits per host). Default 2. */
  pageConcurrency?: number;
  signal?: AbortSignal;
}

/** A page of a teaser item that could not be fetched or extracted (the teaser is kept). */
export interface PageFailure {
  url: string;
  code: string;
  reason: string;
}

/** What one poll of a feed brought back (nothing stored yet). */
export interface FetchedSource {
  /** 304: the feed has not changed since the stored validators. */
  notModified: boolean;
  /** The feed's new address when it answered with permanent redirects only (301/308). */
  movedTo?: string;
  etag: string | null;
  lastModified: string | null;
  feed: ParsedFeed | null;
  /** Items ready for ingestItems, teasers already merged with their pages. */
  items: IncomingItem[];
  pagesFetched: number;
  pageFailures: PageFailure[];
  /** Teasers already stored and not updated since: skipped (no page fetch, no write). */
  known: number;
}

// RFC 9110 §12.5.1: feeds first, then anything (some servers send feeds as text/xml or text/html).
const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.5';
const DATE_GUESS_FLAGS = new Set(['date-missing', 'date-invalid', 'date-future']);

/**
 * Polls one feed (issue 3 §2, §4): a conditional GET with the stored ETag / Last-Modified
 * (RFC 9110 §13.1.1–2); 304 → nothing new; otherwise parse, turn items into incoming items and,
 * for teasers (needsFullText with the source's `fullText`), fetch the page with the same fetcher,
 * extract it and merge (mergePageIntoItem). A page failure keeps the teaser and is reported; a
 * feed failure throws (FETCH_*, FEED_INVALID) for the caller to record on the source.
 */
export async function fetchSourceItems(
  source: Pick<Source, 'feedUrl' | 'etag' | 'lastModified' | 'settings'>,
  deps: FetchSourceDeps,
): Promise<FetchedSource> {
  const res = await deps.fetcher.fetch(source.feedUrl, {
    accept: FEED_ACCEPT,
    ...(source.etag ? { etag: source.etag } : {}),
    ...(source.lastModified ? { lastModified: source.lastModified } : {}),
    ...(deps.signal ? { signal: deps.signal } : {}),
  });
  const validators = {
    etag: res.etag ?? null,
    lastModified: res.lastModified ?? null,
    ...(res.movedTo ? { movedTo: res.movedTo } : {}),
  };
  if (res.notModified) {
    return { notModified: true, ...validators, feed: null, items: [], pagesFetched: 0, pageFailures: [], known: 0 };
  }
  const feed = parseFeed(res.body, { url: res.url, contentType: res.headers['content-type'], now: deps.now() });
  if (feed.format === 'html') {
    const hint = feed.discovered?.length ? ` (it links to ${feed.discovered.join(', ')})` : '';
    throw new HeatwireError('FEED_INVALID', `an HTML page, not a feed${hint}`, { input: source.feedUrl });
  }
  const built = await buildFeedItems(feed, res.url, source.settings.fullText, deps);
  return { notModified: false, ...validators, feed, ...built };
}

/**
 * A parsed feed's items as incoming items, teasers merged with their fetched and extracted pages
 * (`mode` is the source's `fullText`). Used by polling and by a feed URL given to `ingest`.
 */
export async function buildFeedItems(
  feed: ParsedFeed,
  origin: string,
  mode: Source['settings']['fullText'],
  deps: FetchSourceDeps,
): Promise<Pick<FetchedSource, 'items' | 'pagesFetched' | 'pageFailures' | 'known'>> {
  const result = { items: [] as IncomingItem[], pagesFetched: 0, pageFailures: [] as PageFailure[], known: 0 };
  const entries = feed.items.filter((i) => i.title || i.link);
  const items: Array<IncomingItem | undefined> = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      items[index] = await buildItem(entries[index] as FeedItem, feed, origin, mode, deps, result);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, deps.pageConcurrency ?? 2) }, worker));
  result.items = items.filter((i): i is IncomingItem => i !== undefined);
  return result;
}

async function buildItem(
  entry: FeedItem,
  feed: ParsedFeed,
  origin: string,
  mode: Source['settings']['fullText'],
  deps: FetchSourceDeps,
  result: { pagesFetched: number; pageFailures: PageFailure[]; known: number },
): Promise<IncomingItem | undefined> {
  const item = itemsFromFeed({ ...feed, items: [entry] }, origin)[0];
  if (!item || !entry.link || !needsFullText({ link: entry.link, text: item.text ?? '' }, mode)) return item;
  deps.signal?.throwIfAborted();
  const stored = await deps.findStored?.(entry.link);
  // ISO 8601 UTC strings compare in time order.
  const updatedSince = Boolean(entry.updated && (!stored?.updatedAt || entry.updated > stored.updatedAt));
  const onlyTeaserStored = stored && deps.contentHashOf ? deps.contentHashOf(item) === stored.contentHash : false;
  if (stored && !updatedSince && !onlyTeaserStored) {
    result.known += 1;
    return undefined;
  }
  try {
    const page = await deps.fetcher.fetch(entry.link, {
      accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
      ...(deps.signal ? { signal: deps.signal } : {}),
    });
    result.pagesFetched += 1;
    const html = decodeFeedText(page.body, page.headers['content-type']).text;
    const extract = deps.extract ?? ((h: string, url: string) => extractArticle(h, { url }));
    const article = extract(html, page.url);
    const feedDateGuessed = entry.flags.some((f) => DATE_GUESS_FLAGS.has(f));
    return mergePageIntoItem(item, article, { feedDateGuessed });
  } catch (err) {
    if (deps.signal?.aborted) throw err;
    const e = toHeatwireError(err, entry.link);
    result.pageFailures.push({ url: entry.link, code: e.code, reason: e.message });
    return item;
  }
}
