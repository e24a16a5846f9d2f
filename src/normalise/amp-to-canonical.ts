import { decodeAmpCacheHost } from './amp-cache-host.js';
import { decodeQueryComponent, joinQuery, parseHttpUrl, splitQuery } from './url-parts.js';

/**
 * Hosts that serve other sites' AMP pages, with the label before them encoding the publisher
 * host: Google's AMP cache (`*.cdn.ampproject.org`, and `*.ampproject.net`), Bing's and
 * Cloudflare's caches.
 */
const AMP_CACHE_HOST =
  /^([^.]+)\.(?:cdn\.ampproject\.org|ampproject\.net|bing-amp\.com|amp\.cloudflare\.com)$/;

/**
 * AMP cache paths: `/c/` documents, `/v/` viewer, `/i/` images, `/r/` resources, `/wp/` web
 * packages; `/s/` marks an https origin (absent: http). The origin host follows.
 */
const AMP_CACHE_PATH = /^\/(?:c|v|i|r|wp)\/(s\/)?([^/]+)(\/.*)?$/;

/** Google's AMP viewer: `https://www.google.com/amp/s/www.example.com/path`. */
const GOOGLE_HOST = /^(?:www\.)?google\.[a-z]{2,3}(?:\.[a-z]{2})?$/;
const GOOGLE_AMP_PATH = /^\/amp\/(s\/)?([^/]+)(\/.*)?$/;

/** Query parameters that only ask for the AMP rendering (`?amp`, `?amp=1`, `?outputType=amp`…). */
const AMP_QUERY_NAMES = new Set([
  'amp',
  'amp_js_v',
  'amp_gsa',
  'amp_ct',
  'amp_r',
  '_js_v',
  'usqp',
  '__amp_source_origin',
]);
const AMP_VALUED_NAMES = new Set(['outputtype', 'output', 'format']);

/**
 * Maps an AMP address to the article it renders: unwraps AMP caches and the Google AMP viewer,
 * then removes `amp.` subdomains, an `amp` path segment (`/amp/` suffix or prefix),
 * `.amp.html` / `.amp` file names and AMP query switches. Anything else is returned as parsed
 * (not canonicalised: pass the result to `canonicalizeUrl`). Null when unparseable.
 *
 * @example ampToCanonical('https://www-example-com.cdn.ampproject.org/c/s/www.example.com/a/amp/') // 'https://www.example.com/a/'
 */
export function ampToCanonical(url: string): string | null {
  let current = parseHttpUrl(url);
  if (!current) return null;
  // A cache may wrap a viewer URL and vice versa; two levels are the most seen in the wild.
  for (let depth = 0; depth < 3; depth++) {
    const inner = unwrapAmpCache(current);
    if (!inner) break;
    current = inner;
  }
  current.hostname = stripAmpSubdomain(current.hostname);
  current.pathname = stripAmpPath(current.pathname);
  current.search = stripAmpQuery(current.search);
  return current.href;
}

/** True when {@link ampToCanonical} would change the URL (it is an AMP or AMP-cache address). */
export function isAmpUrl(url: string): boolean {
  const parsed = parseHttpUrl(url);
  return parsed !== null && ampToCanonical(url) !== parsed.href;
}

function unwrapAmpCache(url: URL): URL | null {
  const cache = AMP_CACHE_HOST.exec(url.hostname);
  const google = GOOGLE_HOST.test(url.hostname) ? GOOGLE_AMP_PATH.exec(url.pathname) : null;
  const inner = cache ? AMP_CACHE_PATH.exec(url.pathname) : google;
  if (inner) {
    const scheme = inner[1] ? 'https' : 'http';
    return parseHttpUrl(`${scheme}://${inner[2]}${inner[3] ?? '/'}${url.search}`);
  }
  // A cache URL without the origin in its path: the subdomain still names the publisher.
  const host = cache?.[1] ? decodeAmpCacheHost(cache[1]) : null;
  return host ? parseHttpUrl(`https://${host}${url.pathname}${url.search}`) : null;
}

/**
 * `amp.example.com` → `www.example.com` (publishers put their articles on `www.`), but
 * `amp.news.example.com` → `news.example.com`.
 */
function stripAmpSubdomain(host: string): string {
  if (!host.startsWith('amp.')) return host;
  const rest = host.slice(4);
  const labels = rest.split('.');
  if (labels.length < 2) return host;
  return isRegistrableLike(labels) ? `www.${rest}` : rest;
}

/** `example.com`, or `example.co.uk`-style (short second level under a two-letter country code). */
function isRegistrableLike(labels: string[]): boolean {
  if (labels.length === 2) return true;
  const [, second, tld] = labels;
  return labels.length === 3 && tld?.length === 2 && (second?.length ?? 9) <= 3;
}

function stripAmpPath(path: string): string {
  const segments = path.split('/');
  const amp = segments.findIndex((s, i) => i > 0 && s.toLowerCase() === 'amp');
  if (amp > 0) segments.splice(amp, 1);
  const last = segments.length - 1;
  const match = /^(.+)\.amp(\.html?)?$/i.exec(segments[last] ?? '');
  if (match?.[1]) segments[last] = `${match[1]}${match[2] ?? ''}`;
  return segments.join('/') || '/';
}

function stripAmpQuery(search: string): string {
  const kept = splitQuery(search).filter((piece) => {
    const name = decodeQueryComponent(piece.name).toLowerCase();
    if (AMP_QUERY_NAMES.has(name)) return false;
    const value = piece.value === null ? '' : decodeQueryComponent(piece.value).toLowerCase();
    return !(AMP_VALUED_NAMES.has(name) && value === 'amp');
  });
  const query = joinQuery(kept);
  return query ? `?${query}` : '';
}
