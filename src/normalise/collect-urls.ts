import type { NewsRecord } from '../core/record.js';
import { ampToCanonical } from './amp-to-canonical.js';
import { canonicalizeUrl } from './canonicalize-url.js';

/** The record fields that hold URLs of the article itself (not of images or related items). */
export const RECORD_URL_FIELDS = ['originalUrl', 'webUrl', 'ampWebUrl', 'cdnAmpWebUrl'] as const;

/**
 * Every URL that reaches a record's article, canonicalised and deduplicated, in field order
 * (originalUrl, webUrl, ampWebUrl, cdnAmpWebUrl), followed by the article URLs derived from the
 * AMP fields (so an item seen only by its AMP address still dedupes against the article).
 * Unparseable values are skipped. `related` records are not included.
 */
export function collectUrls(record: NewsRecord): string[] {
  const urls = new Set<string>();
  const add = (value: string | null) => {
    const canonical = value ? canonicalizeUrl(value) : null;
    if (canonical) urls.add(canonical);
  };
  for (const field of RECORD_URL_FIELDS) add(stringField(record, field));
  add(ampDerived(stringField(record, 'ampWebUrl')));
  add(ampDerived(stringField(record, 'cdnAmpWebUrl')));
  return [...urls];
}

/**
 * The canonical URL of a record: `webUrl`, else the article behind `ampWebUrl` /
 * `cdnAmpWebUrl`, else `originalUrl`; canonicalised. Null when the record has no usable URL.
 */
export function canonicalUrlOf(record: NewsRecord): string | null {
  const candidates = [
    stringField(record, 'webUrl'),
    ampDerived(stringField(record, 'ampWebUrl')),
    ampDerived(stringField(record, 'cdnAmpWebUrl')),
    stringField(record, 'originalUrl'),
  ];
  for (const candidate of candidates) {
    const canonical = candidate ? canonicalizeUrl(candidate) : null;
    if (canonical) return canonical;
  }
  return null;
}

function ampDerived(value: string | null): string | null {
  return value ? ampToCanonical(value) : null;
}

// Records are read loosely (unknown fields kept), so a URL field may hold a non-string.
function stringField(record: NewsRecord, field: string): string | null {
  const value = record[field];
  return typeof value === 'string' ? value : null;
}
