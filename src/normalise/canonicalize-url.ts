import { isTrackingParam } from './tracking-params.js';
import {
  decodeQueryComponent,
  hostOf,
  joinQuery,
  normalisePercentEncoding,
  parseHttpUrl,
  splitQuery,
} from './url-parts.js';

/** Options of {@link canonicalizeUrl}. */
export interface CanonicalizeOptions {
  /** The page's `<link rel="canonical">` href (absolute or relative to the page URL). */
  canonical?: string | null;
  /** Base that a relative `url` is resolved against (the feed URL, or the document's base URL). */
  base?: string | null;
}

/**
 * The canonical form of a page URL: the identity key Heatwire dedupes on.
 *
 * Uses `rel=canonical` when given and sane; then lower-cases scheme and host, maps `http` to
 * `https` (one key for both variants), drops default ports, credentials, fragments, tracking
 * parameters and an empty `?`, sorts the remaining parameters by name and normalises
 * percent-encoding. Null when the URL cannot be parsed or is not http(s).
 *
 * @example canonicalizeUrl('HTTP://Example.com:80/a?utm_source=x&id=7#top') // 'https://example.com/a?id=7'
 */
export function canonicalizeUrl(url: string, options: CanonicalizeOptions = {}): string | null {
  const page = parseHttpUrl(url, options.base);
  if (!page) return null;
  const canonical = options.canonical ? acceptCanonical(page, options.canonical) : null;
  return serialiseCanonical(canonical ?? page);
}

/**
 * rel=canonical is resolved against the page (RFC 6596 §3 allows relative references). It is
 * ignored when it is not http(s) or when it points at a homepage while the page itself is not
 * one: a common CMS misconfiguration (every article declaring the site root, or a syndication
 * partner's root) that would otherwise merge every article of a site into one.
 */
function acceptCanonical(page: URL, href: string): URL | null {
  const canonical = parseHttpUrl(href, page.href);
  if (!canonical) return null;
  if (isHomepage(canonical) && !isHomepage(page)) return null;
  return canonical;
}

const HOMEPAGE_PATH = /^\/(?:index\.(?:html?|php|aspx?))?$/i;

function isHomepage(url: URL): boolean {
  return HOMEPAGE_PATH.test(url.pathname) && canonicalQuery(url.search) === '';
}

function serialiseCanonical(url: URL): string {
  // An explicit non-default port keeps its scheme: https on that port is a different server.
  const scheme = url.protocol === 'http:' && url.port !== '' ? 'http' : 'https';
  const port = url.port ? `:${url.port}` : '';
  const path = normalisePercentEncoding(url.pathname || '/');
  const query = canonicalQuery(url.search);
  return `${scheme}://${hostOf(url)}${port}${path}${query ? `?${query}` : ''}`;
}

/** Query without tracking parameters, sorted by name (stable: repeated names keep their order). */
function canonicalQuery(search: string): string {
  const kept = splitQuery(search)
    .map((piece) => ({
      name: normalisePercentEncoding(piece.name),
      value: piece.value === null ? null : normalisePercentEncoding(piece.value),
    }))
    .filter((piece) => !isTrackingParam(decodeQueryComponent(piece.name)));
  kept.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return joinQuery(kept);
}
