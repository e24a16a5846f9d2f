import type { NewsRecord } from '../core/record.js';

/**
 * The URL of an article's lead image: the record's first image, or else a lead image Heatwire
 * kept in its extended fields (`leadImage` as a URL or `{url}`). Only absolute http(s) URLs
 * qualify; `data:` and relative URLs cannot be fetched.
 */
export function leadImageUrl(record: NewsRecord, extended: Record<string, unknown> = {}): string | null {
  const first = record.images?.[0]?.url;
  const lead = extended.leadImage;
  const fromExtended =
    typeof lead === 'string' ? lead : lead && typeof lead === 'object' ? (lead as { url?: unknown }).url : undefined;
  for (const url of [first, fromExtended]) {
    if (typeof url === 'string' && /^https?:\/\/\S+$/i.test(url.trim())) return url.trim();
  }
  return null;
}
