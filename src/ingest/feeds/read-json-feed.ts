import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { MAX_ITEMS } from './feed-schema.js';
import { textToHtml } from './html-text.js';
import { enclosureFrom, imageFrom } from './read-media.js';
import { newRawItem, type RawFeed, type RawItem } from './raw-feed.js';
import { resolveUrl } from './resolve-url.js';

/*
 * JSON Feed 1.0 and 1.1 (https://www.jsonfeed.org/version/1.1/). Every field is optional and
 * tolerant here: a wrong type drops that field (`.catch`), never the item or the feed.
 */

const Str = z.string().optional().catch(undefined);
// Ids "should" be strings; numbers are common in the wild (JSON Feed 1.1 §items: id).
const Id = z
  .union([z.string(), z.number()])
  .transform((v) => String(v))
  .optional()
  .catch(undefined);
const Author = z.looseObject({ name: Str, url: Str });
const Authors = z.array(z.unknown()).optional().catch(undefined);
const Attachment = z.looseObject({ url: Str, mime_type: Str, size_in_bytes: z.number().optional().catch(undefined) });

const JsonFeedItemSchema = z.looseObject({
  id: Id,
  url: Str,
  external_url: Str,
  title: Str,
  content_html: Str,
  content_text: Str,
  summary: Str,
  image: Str,
  banner_image: Str,
  date_published: Str,
  date_modified: Str,
  author: z.unknown().optional(),
  authors: Authors,
  tags: z.array(z.unknown()).optional().catch(undefined),
  attachments: z.array(z.unknown()).optional().catch(undefined),
});

const JsonFeedSchema = z.looseObject({
  version: Str,
  title: Str,
  home_page_url: Str,
  feed_url: Str,
  description: Str,
  language: Str,
  author: z.unknown().optional(),
  authors: Authors,
  items: z.array(z.unknown()).optional().catch(undefined),
});

function authorNames(single: unknown, list: unknown[] | undefined): string[] {
  const names: string[] = [];
  for (const a of [...(list ?? []), ...(single === undefined ? [] : [single])]) {
    const parsed = Author.safeParse(a);
    const name = parsed.success ? parsed.data.name?.trim() : undefined;
    if (name) names.push(name);
  }
  return names;
}

function readItem(raw: unknown, base: string, feedAuthors: string[]): RawItem | undefined {
  const parsed = JsonFeedItemSchema.safeParse(raw);
  if (!parsed.success) return undefined;
  const it = parsed.data;
  const item = newRawItem(base);
  item.id = it.id?.trim() || undefined;
  item.title = it.title;
  const url = it.url ?? it.external_url;
  item.link = url ? resolveUrl(url, base) : undefined;
  item.contentHtml = it.content_html ?? (it.content_text === undefined ? undefined : textToHtml(it.content_text));
  item.summaryHtml = it.summary === undefined ? undefined : textToHtml(it.summary);
  item.published = it.date_published;
  item.updated = it.date_modified;
  // JSON Feed 1.1 deprecates `author` for `authors`; items without authors take the feed's.
  item.authors = authorNames(it.author, it.authors);
  if (item.authors.length === 0) item.authors = [...feedAuthors];
  for (const tag of it.tags ?? []) if (typeof tag === 'string') item.categories.push(tag);
  for (const url of [it.image, it.banner_image]) {
    const image = imageFrom(url, base);
    if (image) item.images.push(image);
  }
  for (const a of it.attachments ?? []) {
    const att = Attachment.safeParse(a);
    if (!att.success) continue;
    const size = att.data.size_in_bytes;
    const enclosure = enclosureFrom(att.data.url, base, att.data.mime_type, size === undefined ? undefined : String(size));
    if (enclosure) item.enclosures.push(enclosure);
  }
  return item;
}

/** Reads a JSON Feed document; FEED_INVALID when the JSON does not parse or is not an object. */
export function readJsonFeed(text: string, url: string | undefined): RawFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new HeatwireError('FEED_INVALID', `not well-formed JSON (${(err as Error).message})`, { input: url, cause: err });
  }
  const parsed = JsonFeedSchema.safeParse(json);
  if (!parsed.success || Array.isArray(json)) throw new HeatwireError('FEED_INVALID', 'the JSON is not a JSON Feed object', { input: url });
  const feed = parsed.data;
  const warnings: string[] = [];
  const version = feed.version ?? '';
  if (!/jsonfeed\.org\/version\/1(\.1)?\/?$/.test(version)) warnings.push(`unknown JSON Feed version "${version}"; read as 1.1`);
  const base = url ?? feed.feed_url ?? '';
  const feedAuthors = authorNames(feed.author, feed.authors);
  const rawItems = feed.items ?? [];
  if (feed.items === undefined) warnings.push('the JSON Feed has no "items" array');
  if (rawItems.length > MAX_ITEMS) warnings.push(`the feed has more than ${MAX_ITEMS} items; the rest were dropped`);
  const items: RawItem[] = [];
  let dropped = 0;
  for (const raw of rawItems.slice(0, MAX_ITEMS)) {
    const item = readItem(raw, base, feedAuthors);
    if (item) items.push(item);
    else dropped++;
  }
  if (dropped) warnings.push(`${dropped} item(s) were not JSON objects and were dropped`);
  return {
    format: /version\/1\.1/.test(version) || !/version\/1\/?$/.test(version) ? 'jsonfeed1.1' : 'jsonfeed1.0',
    title: feed.title,
    link: feed.home_page_url ? resolveUrl(feed.home_page_url, base) : undefined,
    description: feed.description,
    language: feed.language,
    items,
    warnings,
  };
}
