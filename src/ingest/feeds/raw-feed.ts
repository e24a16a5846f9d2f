import type { FeedEnclosure, FeedFormat, FeedImage } from './feed-schema.js';

/**
 * What a format reader (RSS, Atom, JSON Feed) hands to `parseFeed` before normalisation: raw
 * strings as the feed wrote them, URLs already resolved against xml:base / the feed URL.
 */
export interface RawItem {
  /** guid / atom:id / JSON Feed id. */
  id?: string;
  title?: string;
  link?: string;
  /** Raw date strings, parsed later. */
  published?: string;
  updated?: string;
  authors: string[];
  /** HTML of the summary/description, if any. */
  summaryHtml?: string;
  /** HTML of the full content, if any. */
  contentHtml?: string;
  images: FeedImage[];
  enclosures: FeedEnclosure[];
  categories: string[];
  /** Base URL for relative references inside the content. */
  base: string;
}

/** A feed as a format reader saw it. */
export interface RawFeed {
  format: FeedFormat;
  title?: string;
  link?: string;
  description?: string;
  language?: string;
  items: RawItem[];
  warnings: string[];
}

/** An empty item with its base. */
export function newRawItem(base: string): RawItem {
  return { authors: [], images: [], enclosures: [], categories: [], base };
}
