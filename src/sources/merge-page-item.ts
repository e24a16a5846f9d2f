import type { IncomingItem } from '../core/article.js';
import type { NewsRecord } from '../core/record.js';
import { type ExtractedArticle, resolvePublishedDate } from '../extract/index.js';

/**
 * A page's text counts as the full article when it is at least this much longer than the
 * feed's own text: a page that extracted to less (a paywall stub, a cookie wall) does not
 * replace a feed item that already said more.
 */
const MIN_GAIN = 1.2;

/**
 * Merges an extracted page into a feed item (issue 3 §4). The feed wins for title and dates when
 * it has them (it is the publisher's own structured metadata); the page gives the text, the
 * sanitised HTML, the lead image (first), the canonical and AMP URLs, the site name and, when
 * the feed had none, the excerpt and the dates. `feedDateGuessed`: the feed's date was missing,
 * invalid or in the future (parseFeed put the first-seen time there), so the page's date wins.
 * `originalUrl` stays the feed's link. Pure; returns the item unchanged when the page says less
 * than the feed.
 */
export function mergePageIntoItem(
  item: IncomingItem,
  page: ExtractedArticle,
  options: { feedDateGuessed?: boolean } = {},
): IncomingItem {
  const feedText = item.text ?? '';
  const pageText = page.text.trim();
  if (!pageText || pageText.length < feedText.length * MIN_GAIN) return item;
  const r = item.record;
  const record: NewsRecord = { ...r };
  if (!r.title.trim() && page.title) record.title = page.title;
  const pagePublished = resolvePublishedDate(page); // declared, else inferred (<time>, URL…)
  if ((!r.publishedDateTime || options.feedDateGuessed) && pagePublished) record.publishedDateTime = pagePublished;
  if (!r.updatedDateTime && page.modifiedDateTime) record.updatedDateTime = page.modifiedDateTime;
  if (!r.excerpt && page.excerpt) record.excerpt = page.excerpt;
  const webUrl = page.canonicalUrl ?? page.url;
  if (webUrl) record.webUrl = webUrl;
  if (!r.originalUrl && page.url) record.originalUrl = page.url;
  if (page.ampUrl) record.ampWebUrl = page.ampUrl;
  if (page.siteName) record.provider = { ...r.provider, name: page.siteName };
  if (page.leadImage) {
    const lead = { ...page.leadImage, isCached: false };
    const rest = (r.images ?? []).filter((i) => i.url !== lead.url);
    record.images = [lead, ...rest];
  }
  return { ...item, record, text: pageText, ...(page.html ? { html: page.html } : {}) };
}
