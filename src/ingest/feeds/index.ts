/**
 * Feed parsing (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) and OPML, for `heatwire feed`,
 * `heatwire ingest` and the fetch pipeline. See docs/feeds.md.
 */
export { parseFeed } from './parse-feed.js';
export {
  FEED_FORMATS,
  ITEM_FLAGS,
  MAX_ITEMS,
  SUMMARY_MAX_CHARS,
  FeedEnclosureSchema,
  FeedImageSchema,
  FeedItemSchema,
  ParsedFeedSchema,
  type FeedEnclosure,
  type FeedFormat,
  type FeedImage,
  type FeedItem,
  type ItemFlag,
  type ParseFeedOptions,
  type ParsedFeed,
} from './feed-schema.js';
export { parseOpml, writeOpml, type OpmlOutline, type OpmlSource, type ParsedOpml } from './opml.js';
export { discoverFeeds, looksLikeHtmlPage, type DiscoveredFeeds } from './discover-feeds.js';
export { parseFeedDate, toIsoUtc } from './parse-feed-date.js';
export { decodeFeedText, type DecodedFeedText } from './decode-feed-text.js';
export { sniffFeed, type SniffedKind } from './sniff-feed.js';
