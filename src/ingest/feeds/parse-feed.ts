import { HeatwireError, toHeatwireError } from '../../core/errors.js';
import { decodeFeedText } from './decode-feed-text.js';
import { discoverFeeds, looksLikeHtmlPage } from './discover-feeds.js';
import { FeedItemSchema, ParsedFeedSchema, type FeedFormat, type FeedItem, type ParseFeedOptions, type ParsedFeed } from './feed-schema.js';
import { collapseWhitespace, htmlToText } from './html-text.js';
import { cleanTitle, normaliseItem } from './normalise-item.js';
import { cleanXmlText } from './clean-xml-text.js';
import type { RawFeed } from './raw-feed.js';
import { readAtom } from './read-atom.js';
import { readJsonFeed } from './read-json-feed.js';
import { readRss } from './read-rss.js';
import { NS, findAll, parseXmlTree, type XmlElement } from './xml-tree.js';

const FeedEnvelopeSchema = ParsedFeedSchema.omit({ items: true });

// RSS 2.0 item children that hold only text, and the children whose start closes them.
const RSS_LEAVES = ['title', 'link', 'guid', 'pubdate', 'author', 'comments', 'category'];
const RSS_FIELDS = [...RSS_LEAVES, 'description', 'enclosure', 'source', 'item'];

/** The feed format of an XML root element, or undefined when it is not a feed. */
function detectXmlFormat(root: XmlElement): FeedFormat | undefined {
  switch (root.local) {
    case 'rss':
      return /^0\.9/.test(root.attrs.version?.trim() ?? '') ? 'rss0.9x' : 'rss2.0';
    case 'rdf':
      return root.children.some((c) => typeof c !== 'string' && c.ns === NS.rss090) ? 'rss0.9x' : 'rss1.0';
    case 'feed':
      return root.ns === NS.atom03 || root.attrs.version?.trim() === '0.3' ? 'atom0.3' : 'atom1.0';
    case 'channel':
      return 'rss2.0';
    default:
      return undefined;
  }
}

function readXml(text: string, options: ParseFeedOptions, warnings: string[]): RawFeed | 'html' {
  const tree = parseXmlTree(text, {
    baseUrl: options.url,
    noNesting: ['item', 'entry'],
    leafElements: RSS_LEAVES,
    fieldElements: RSS_FIELDS,
  });
  warnings.push(...tree.warnings);
  const root = tree.root;
  if (!root) throw new HeatwireError('FEED_INVALID', 'no XML element found', { input: options.url });
  if (root.local === 'html') return 'html';
  const format = detectXmlFormat(root);
  if (format === 'atom0.3' || format === 'atom1.0') return readAtom(root, format);
  if (format) {
    if (root.local === 'channel') warnings.push('the <channel> is not inside <rss>; read as RSS 2.0');
    else if (format === 'rss2.0' && !/^2(\.0+)?$/.test(root.attrs.version?.trim() ?? '')) {
      warnings.push(`RSS version "${root.attrs.version ?? ''}" is not 2.0; read as RSS 2.0`);
    }
    return readRss(root, format);
  }
  if (root.local === 'opml') throw new HeatwireError('FEED_INVALID', 'this is an OPML subscription list, not a feed', { input: options.url });
  // A feed wrapped in something else (an HTML page, a SOAP envelope): read what is inside.
  if (findAll(root, 'entry', 1).length) {
    warnings.push(`unexpected root element <${root.name}>; read the <entry> elements as Atom`);
    return readAtom(root, 'atom1.0');
  }
  if (findAll(root, 'item', 1).length || findAll(root, 'channel', 1).length) {
    warnings.push(`unexpected root element <${root.name}>; read the <item> elements as RSS`);
    return readRss(findAll(root, 'channel', 1)[0] ?? root, 'rss2.0');
  }
  throw new HeatwireError('FEED_INVALID', `the root element <${root.name}> is not RSS, Atom or RDF`, { input: options.url });
}

function htmlPage(text: string, options: ParseFeedOptions, warnings: string[]): ParsedFeed {
  const found = discoverFeeds(text, options.url);
  warnings.push(
    found.feeds.length
      ? `the input is an HTML page, not a feed; it links to ${found.feeds.length} feed(s) (see "discovered")`
      : 'the input is an HTML page, not a feed, and it links to no feed',
  );
  return ParsedFeedSchema.parse({
    format: 'html',
    title: found.title ?? '',
    link: options.url ?? null,
    warnings,
    items: [],
    discovered: found.feeds,
  });
}

/** Normalises, validates (zod) and de-duplicates the items of a raw feed. */
function finishFeed(raw: RawFeed, options: ParseFeedOptions, warnings: string[], encoding: string): ParsedFeed {
  warnings.push(...raw.warnings);
  const items: FeedItem[] = [];
  const ids = new Set<string>();
  let invalid = 0;
  let duplicates = 0;
  for (const rawItem of raw.items) {
    const result = FeedItemSchema.safeParse(normaliseItem(rawItem, options.now));
    if (!result.success) invalid++;
    else if (ids.has(result.data.id)) duplicates++;
    else {
      ids.add(result.data.id);
      items.push(result.data);
    }
  }
  if (invalid) warnings.push(`${invalid} item(s) could not be read and were dropped`);
  if (duplicates) warnings.push(`${duplicates} item(s) repeated an earlier id and were dropped`);
  const title = cleanTitle(raw.title);
  if (items.length === 0 && !title && !raw.link) {
    throw new HeatwireError('FEED_INVALID', `a ${raw.format} document with no title, link or items`, { input: options.url });
  }
  if (items.length === 0) warnings.push('the feed has no items');
  const feed: ParsedFeed = { format: raw.format, title, link: raw.link ?? null, warnings, items, encoding };
  const description = raw.description === undefined ? '' : collapseWhitespace(htmlToText(raw.description));
  if (description) feed.description = description;
  if (raw.language?.trim()) feed.language = raw.language.trim();
  // Items were validated one by one above; check the envelope without walking them again.
  FeedEnvelopeSchema.parse({ ...feed, items: [] });
  return feed;
}

/**
 * Parses an RSS 0.9x/1.0/2.0, Atom 0.3/1.0 or JSON Feed 1.0/1.1 document (bytes or text) into
 * the `heatwire feed` shape. Tolerant: ill-formed input gives what can be recovered plus
 * warnings; an HTML page gives no items, a warning and the feeds it links to (`discovered`).
 * Throws HeatwireError INPUT_EMPTY for empty input and FEED_INVALID when nothing is recoverable.
 *
 * @example
 *   const feed = parseFeed(bytes, { url: 'https://example.org/feed.xml', contentType, now: new Date() });
 *   for (const item of feed.items) console.log(item.published, item.title, item.link);
 */
export function parseFeed(input: Buffer | string, options: ParseFeedOptions): ParsedFeed {
  try {
    const decoded = decodeFeedText(input, options.contentType);
    const warnings = [...decoded.warnings];
    const encoding = `${decoded.encoding} (${decoded.source})`;
    const text = decoded.text;
    if (!text.trim()) throw new HeatwireError('INPUT_EMPTY', 'no feed content', { input: options.url });
    const firstChar = /\S/.exec(text)?.[0];
    if (firstChar === '{' || firstChar === '[') {
      return finishFeed(readJsonFeed(text.trim(), options.url), options, warnings, encoding);
    }
    const xml = cleanXmlText(text, warnings);
    if (looksLikeHtmlPage(xml)) return { ...htmlPage(xml, options, warnings), encoding };
    if (!xml.startsWith('<')) throw new HeatwireError('FEED_INVALID', 'the input is neither XML nor JSON', { input: options.url });
    const raw = readXml(xml, options, warnings);
    if (raw === 'html') return { ...htmlPage(xml, options, warnings), encoding };
    return finishFeed(raw, options, warnings, encoding);
  } catch (err) {
    throw toHeatwireError(err, options.url);
  }
}
