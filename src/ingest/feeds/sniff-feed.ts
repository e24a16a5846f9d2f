import { decodeFeedText } from './decode-feed-text.js';
import type { FeedFormat } from './feed-schema.js';

/** What a document looks like from its first few KiB: a feed format, an OPML list, or neither. */
export type SniffedKind = Exclude<FeedFormat, 'html'> | 'opml' | undefined;

/**
 * Cheap routing for `heatwire ingest`: tells feeds and OPML lists from other inputs by their
 * root element (or JSON Feed `version`) without parsing the whole document. The kind is a
 * guess; `parseFeed` / `parseOpml` have the last word.
 */
export function sniffFeed(input: Buffer | string, contentType?: string): SniffedKind {
  const head = decodeFeedText(typeof input === 'string' ? input.slice(0, 8192) : input.subarray(0, 8192), contentType)
    .text.replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<\?[^>]*\?>/g, '');
  if (/^\s*\{/.test(head)) {
    const version = /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\/(1(?:\.1)?)\/?"/.exec(head)?.[1];
    if (version === undefined) return undefined;
    return version === '1' ? 'jsonfeed1.0' : 'jsonfeed1.1';
  }
  const root = /<([A-Za-z][\w.-]*:)?([A-Za-z][\w.-]*)([^>]*)>/.exec(head);
  if (!root) return undefined;
  const name = (root[2] ?? '').toLowerCase();
  const attrs = root[3] ?? '';
  if (name === 'rss') return /version\s*=\s*["']0\.9/.test(attrs) ? 'rss0.9x' : 'rss2.0';
  if (name === 'rdf') return /my\.netscape\.com\/rdf\/simple\/0\.9/.test(head) ? 'rss0.9x' : 'rss1.0';
  if (name === 'feed') return /purl\.org\/atom\/ns#|version\s*=\s*["']0\.3/.test(attrs) ? 'atom0.3' : 'atom1.0';
  if (name === 'opml') return 'opml';
  return undefined;
}
