import type { IncomingItem } from '../core/article.js';
import { HeatwireError } from '../core/errors.js';
import type { NewsRecord } from '../core/record.js';
import { extractArticle, type ExtractedArticle, resolvePublishedDate } from '../extract/extract-article.js';
import { parseFeed, type FeedItem, type ParsedFeed } from '../ingest/feeds/index.js';
import { createFetcher, buildUserAgent, type Fetcher } from '../ingest/fetcher/index.js';

/** The fetcher every front end uses, configured from Config values (never from process.env). */
export function createConfiguredFetcher(options: { contactUrl: string; allowPrivate: string[]; version: string }): Fetcher {
  return createFetcher({
    userAgent: buildUserAgent(options.version, options.contactUrl),
    allowPrivate: options.allowPrivate,
  });
}

/** An extracted page as an item to store: its metadata as a news record, its text as the body. */
export function itemFromExtracted(article: ExtractedArticle, origin: string): IncomingItem {
  if (!article.title.trim() && !article.text.trim()) {
    throw new HeatwireError('EXTRACT_FAILED', 'no title and no article text in the page', { input: origin });
  }
  const record: NewsRecord = { category: 'news', title: article.title.trim() || firstWords(article.text) };
  if (article.excerpt) record.excerpt = article.excerpt;
  // A stored article needs a date: the page's inferred one (<time>, URL…) when it declares none.
  const published = resolvePublishedDate(article);
  if (published) record.publishedDateTime = published;
  if (article.modifiedDateTime) record.updatedDateTime = article.modifiedDateTime;
  if (article.url) record.originalUrl = article.url;
  if (article.canonicalUrl ?? article.url) record.webUrl = (article.canonicalUrl ?? article.url)!;
  if (article.ampUrl) record.ampWebUrl = article.ampUrl;
  record.type = 'article';
  if (article.siteName) record.provider = { name: article.siteName };
  if (article.leadImage) record.images = [{ ...article.leadImage, isCached: false }];
  return { record, ...(article.text ? { text: article.text } : {}), origin };
}

/** Feed items as items to store: a teaser or full content as the text, per item. */
export function itemsFromFeed(feed: ParsedFeed, origin: string): IncomingItem[] {
  return feed.items.filter((item) => item.title || item.link).map((item) => itemFromFeedItem(item, feed, origin));
}

function itemFromFeedItem(item: FeedItem, feed: ParsedFeed, origin: string): IncomingItem {
  const body = item.content ?? item.summary ?? '';
  const text = body ? htmlToText(body, item.link ?? undefined) : '';
  const record: NewsRecord = { category: 'news', title: (item.title ?? '').trim() || firstWords(text) || (item.link ?? item.id) };
  if (item.summary) record.excerpt = htmlToText(item.summary, item.link ?? undefined).slice(0, 500);
  if (item.published) record.publishedDateTime = item.published;
  if (item.updated) record.updatedDateTime = item.updated;
  // A relative link (a feed file read without its URL) cannot name the article: leave it out.
  if (item.link && /^https?:\/\//i.test(item.link)) {
    record.originalUrl = item.link;
    record.webUrl = item.link;
  }
  record.type = 'article';
  if (feed.title) record.provider = { name: feed.title };
  if (item.categories.length) record.topics = [...item.categories];
  if (item.images.length) record.images = item.images.map((i) => ({ ...i, isCached: false }));
  return { record, ...(text ? { text } : {}), origin };
}

/** Plain text of an HTML fragment (feed content), through the same capped parser as pages. */
function htmlToText(html: string, url?: string): string {
  if (!/[<&]/.test(html)) return html.trim();
  try {
    return extractArticle(`<html><body><article>${html}</article></body></html>`, { url }).text.trim();
  } catch {
    return html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
  }
}

function firstWords(text: string): string {
  return text.trim().split(/\s+/).slice(0, 12).join(' ');
}

/** Reads HTML pages and feeds met by `heatwire ingest` (kinds that are not records or text). */
export function readWebInput(kind: string, path: string, text: string, now: Date): IncomingItem[] {
  if (kind === 'html') return [itemFromExtracted(extractArticle(text, {}), path)];
  if (kind === 'feed') {
    const feed = parseFeed(text, { now });
    const items = itemsFromFeed(feed, path);
    if (!items.length) throw new HeatwireError('FEED_INVALID', feed.warnings.join('; ') || 'the feed has no items', { input: path });
    return items;
  }
  throw new HeatwireError('INPUT_UNSUPPORTED', `${kind} files cannot be ingested yet (OPML subscriptions come with sources)`, { input: path });
}
