import { HeatwireError } from '../core/errors.js';

/**
 * The key a feed is subscribed under: the WHATWG-parsed URL with scheme and host lower-cased,
 * the default port, credentials and fragment dropped. Unlike an article's canonical URL
 * (src/normalise) the scheme and query are kept as they are: a feed served only over http, or
 * selected by a query (`?format=rss`), must still be fetched at exactly that address.
 * USAGE when it is not an absolute http(s) URL.
 *
 * @example canonicalFeedUrl('HTTP://Example.COM:80/feed.xml#top') // 'http://example.com/feed.xml'
 */
export function canonicalFeedUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new HeatwireError('USAGE', `not a URL: ${JSON.stringify(input)}`, { input });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HeatwireError('USAGE', `only http(s) feeds can be followed, not ${url.protocol}`, { input });
  }
  // WHATWG URL already lower-cases the host and drops a default port; a feed has no fragment.
  url.hash = '';
  url.username = '';
  url.password = '';
  return url.href;
}

/** True for an `http://` or `https://` argument (a bare URL on the command line). */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\//i.test(value.trim());
}
