import type { NewsRecord } from '../core/record.js';
import { ampToCanonical } from './amp-to-canonical.js';
import { canonicalizeUrl } from './canonicalize-url.js';

/** The record fields that hold URLs of the article itself (not of images or related items). */
export const RECORD_URL_FIELDS = ['originalUrl', 'webUrl', 'ampWebUrl', 'cdnAmpWebUrl'] as const;

/** A record's canonical URL and every URL that reaches its article (see the two functions below). */
export interface ArticleUrls {
  canonicalUrl: string | null;
  urls: string[];
}

/**
 * {@link canonicalUrlOf} and {@link collectUrls} in one pass: each field is canonicalised once
 * (ingest needs both, and canonicalising is most of their cost).
 */
export function articleUrlsOf(record: NewsRecord): ArticleUrls {
  const webUrl = canonicalOrNull(stringField(record, 'webUrl'));
  const originalUrl = canonicalOrNull(stringField(record, 'originalUrl'));
  const ampUrl = stringField(record, 'ampWebUrl');
  const cdnAmpUrl = stringField(record, 'cdnAmpWebUrl');
  const fromAmp = canonicalOrNull(ampDerived(ampUrl));
  const fromCdnAmp = canonicalOrNull(ampDerived(cdnAmpUrl));
  const urls = new Set<string>();
  for (const url of [originalUrl, webUrl, canonicalOrNull(ampUrl), canonicalOrNull(cdnAmpUrl), fromAmp, fromCdnAmp]) {
    if (url) urls.add(url);
  }
  return { canonicalUrl: webUrl ?? fromAmp ?? fromCdnAmp ?? originalUrl, urls: [...urls] };
}

/**
 * Every URL that reaches a record's article, canonicalised and deduplicated, in field order
 * (originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl), followed by the article URLs derived from the
 * AMP fields (so an item seen only by its AMP address still dedupes against the article).
 * Unparseable values are skipped. `related` records are not included.
 */
export function collectUrls(record: NewsRecord): string[] {
  return articleUrlsOf(record).urls;
}

/**
 * The canonical URL of a record: `webUrl`, else the article behind `ampWebUrl` /
 * `cdnAmpWebUrl`, else `originalUrl`; canonicalised. Null when the record has no usable URL.
 */
export function canonicalUrlOf(record: NewsRecord): string | null {
  return articleUrlsOf(record).canonicalUrl;
}

function canonicalOrNull(value: string | null): string | null {
  return value ? canonicalizeUrl(value) : null;
}

function ampDerived(value: string | null): string | null {
  return value ? ampToCanonical(value) : null;
}

// Records are read loosely (unknown fields kept), so a URL field may hold a non-string.
function stringField(record: NewsRecord, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' ? value : null;
}
