/**
 * The normalise stage (pure, no I/O): canonical URLs, AMP mapping, ids, fingerprints and
 * provider domains. See docs/urls.md.
 */
export { canonicalizeUrl, type CanonicalizeOptions } from './canonicalize-url.js';
export { ampToCanonical, isAmpUrl } from './amp-to-canonical.js';
export { decodeAmpCacheHost, encodeAmpCacheHost } from './amp-cache-host.js';
export { articleId, type ArticleIdInput } from './article-id.js';
export {
  contentFingerprint,
  normaliseForFingerprint,
  FINGERPRINT_TEXT_CHARS,
} from './content-fingerprint.js';
export { providerFromUrl } from './provider-from-url.js';
export { articleUrlsOf, collectUrls, canonicalUrlOf, RECORD_URL_FIELDS, type ArticleUrls } from './collect-urls.js';
export { TRACKING_PARAMS, TRACKING_PARAM_PREFIXES, isTrackingParam } from './tracking-params.js';
