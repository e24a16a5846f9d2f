import { createHash } from 'node:crypto';
import { SUMMARY_MAX_CHARS, type FeedImage, type FeedItem, type ItemFlag } from './feed-schema.js';
import { absolutizeHtml, collapseWhitespace, findFirstImage, htmlToText, looksLikeHtml, truncateText } from './html-text.js';
import { parseFeedDate, toIsoUtc } from './parse-feed-date.js';
import type { RawItem } from './raw-feed.js';
import { resolveLink } from './resolve-url.js';

/** Dates later than now + this are "in the future" (clock skew and time zones get one day). */
export const FUTURE_TOLERANCE_MS = 24 * 60 * 60 * 1000;

/** Plain-text title: feeds put HTML and entities in titles although RSS says text. */
export function cleanTitle(raw: string | undefined): string {
  if (!raw) return '';
  return looksLikeHtml(raw) ? htmlToText(raw) : collapseWhitespace(raw);
}

function uniqueBy<T>(values: T[], key: (v: T) => string): T[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function uniqueStrings(values: string[]): string[] {
  return uniqueBy(
    values.map((v) => collapseWhitespace(v)).filter((v) => v.length > 0),
    (v) => v.toLowerCase(),
  );
}

/** The item's publication date, or `now` with the flag that says why. */
function pickPublished(raw: RawItem, now: Date, flags: ItemFlag[]): Date {
  const rawDate = raw.published ?? raw.updated;
  if (!rawDate) {
    flags.push('date-missing');
    return now;
  }
  const date = parseFeedDate(rawDate);
  if (!date) {
    flags.push('date-invalid');
    return now;
  }
  if (date.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    flags.push('date-future');
    return now;
  }
  return date;
}

/** A stable id for an item without guid and link: sha256 of title, raw date and summary. */
function hashId(title: string, rawDate: string | undefined, summary: string): string {
  const digest = createHash('sha256').update(`${title}\n${rawDate ?? ''}\n${summary.slice(0, 200)}`).digest('hex');
  return `sha256-${digest.slice(0, 32)}`;
}

/**
 * Turns a format reader's raw item into a FeedItem: plain-text title and summary, resolved
 * links, parsed dates (with flags), content with absolute URLs, images deduplicated (the first
 * <img> of the content when the feed names none), and an id.
 */
export function normaliseItem(raw: RawItem, now: Date): FeedItem {
  const flags: ItemFlag[] = [];
  const link = resolveLink(raw.link, raw.base);
  const published = pickPublished(raw, now, flags);
  const updatedDate = parseFeedDate(raw.updated);
  const updated =
    updatedDate && updatedDate.getTime() <= now.getTime() + FUTURE_TOLERANCE_MS ? toIsoUtc(updatedDate) : null;

  const contentHtml = raw.contentHtml ?? raw.summaryHtml ?? '';
  const content = absolutizeHtml(contentHtml, raw.base);
  const summary = truncateText(htmlToText(raw.summaryHtml ?? contentHtml), SUMMARY_MAX_CHARS);

  let title = cleanTitle(raw.title);
  if (!title) {
    flags.push('title-missing');
    title = truncateText(summary, 120);
  }

  const images: FeedImage[] = [...raw.images];
  if (images.length === 0) {
    const first = findFirstImage(contentHtml);
    const url = first ? resolveLink(first.url, raw.base) : null;
    if (first && url) images.push({ ...first, url });
  }

  return {
    id: raw.id?.trim() || link || hashId(title, raw.published ?? raw.updated, summary),
    title,
    link,
    published: toIsoUtc(published),
    updated,
    authors: uniqueStrings(raw.authors),
    summary,
    content,
    images: uniqueBy(images, (i) => i.url),
    enclosures: uniqueBy(raw.enclosures, (e) => e.url),
    categories: uniqueStrings(raw.categories),
    flags,
  };
}
