import { z } from 'zod';
import { IsoDateTimeSchema } from '../../core/record.js';

/**
 * The output of `parseFeed` (DESIGN.md §6, `heatwire feed`). Items come from untrusted feeds, so
 * every item is checked against these schemas before it leaves the parser.
 */

/** Feed formats `parseFeed` recognises; `html` is an HTML page served where a feed was expected. */
export const FEED_FORMATS = [
  'rss0.9x',
  'rss1.0',
  'rss2.0',
  'atom0.3',
  'atom1.0',
  'jsonfeed1.0',
  'jsonfeed1.1',
  'html',
] as const;
export const FeedFormatSchema = z.enum(FEED_FORMATS);
export type FeedFormat = z.infer<typeof FeedFormatSchema>;

/** Flags an item may carry (why a field was replaced). */
export const ITEM_FLAGS = ['date-future', 'date-invalid', 'date-missing', 'title-missing'] as const;
export const ItemFlagSchema = z.enum(ITEM_FLAGS);
export type ItemFlag = z.infer<typeof ItemFlagSchema>;

const Dimension = z.number().int().positive().optional();

/** An image of an item (media:thumbnail, media:content, image enclosure, JSON Feed image…). */
export const FeedImageSchema = z.object({ url: z.string().min(1), width: Dimension, height: Dimension });
export type FeedImage = z.infer<typeof FeedImageSchema>;

/** An enclosure (RSS enclosure, Atom rel=enclosure link, JSON Feed attachment, non-image media). */
export const FeedEnclosureSchema = z.object({
  url: z.string().min(1),
  type: z.string().optional(),
  length: z.number().int().nonnegative().optional(),
});
export type FeedEnclosure = z.infer<typeof FeedEnclosureSchema>;

/** One item of a feed, normalised across formats. */
export const FeedItemSchema = z.object({
  /** guid / id, else the link, else `sha256-…` of title + the raw date string. */
  id: z.string().min(1),
  /** Plain text. */
  title: z.string(),
  /** Absolute URL when a base was known; null when the item has no link. */
  link: z.string().min(1).nullable(),
  /** ISO 8601 UTC; `now` (first seen) when the date was missing, invalid or in the future. */
  published: IsoDateTimeSchema,
  /** ISO 8601 UTC, or null. */
  updated: IsoDateTimeSchema.nullable(),
  authors: z.array(z.string().min(1)),
  /** Plain text, whitespace collapsed, at most SUMMARY_MAX_CHARS characters. */
  summary: z.string(),
  /** The item's HTML as published (not sanitised), relative href/src resolved. */
  content: z.string(),
  images: z.array(FeedImageSchema),
  enclosures: z.array(FeedEnclosureSchema),
  categories: z.array(z.string().min(1)),
  flags: z.array(ItemFlagSchema),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

/** A parsed feed: what `heatwire feed --json` prints per input (plus `input`). */
export const ParsedFeedSchema = z.object({
  format: FeedFormatSchema,
  title: z.string(),
  link: z.string().nullable(),
  description: z.string().optional(),
  language: z.string().optional(),
  /** Everything that was repaired, ignored or guessed. Zero items always carries one. */
  warnings: z.array(z.string()),
  items: z.array(FeedItemSchema),
  /** Feed URLs announced by an HTML page (`<link rel="alternate" type="application/rss+xml">`). */
  discovered: z.array(z.string()).optional(),
  /** The character encoding the bytes were decoded with, and why (bom, http, declaration…). */
  encoding: z.string().optional(),
});
export type ParsedFeed = z.infer<typeof ParsedFeedSchema>;

/** Options of `parseFeed`. */
export interface ParseFeedOptions {
  /** The feed's URL: the last base for relative links (after xml:base). */
  url?: string;
  /** The HTTP Content-Type header; its charset wins over the XML declaration (RFC 7303 §3.2). */
  contentType?: string;
  /** The clock: dates after now + 1 day are future dates; missing dates become now. */
  now: Date;
}

/** Longest `summary`, in characters (cut at a word boundary). */
export const SUMMARY_MAX_CHARS = 1000;

/** Most items kept from one feed; more are dropped with a warning (bounds time and memory). */
export const MAX_ITEMS = 10_000;
