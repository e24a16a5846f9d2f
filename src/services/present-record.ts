import { HeatwireError, toHeatwireError } from '../core/errors.js';
import type { NewsRecord } from '../core/record.js';
import { markCachedImages, type CachedImageRef } from '../images/mark-cached-images.js';
import { decryptText, type KeyRing } from '../secure/index.js';
import type { ArticleRow } from '../store/store.js';

export interface PresentOptions {
  withText?: boolean;
  extended?: boolean;
  ring?: KeyRing;
  /** The lead-image cache by source URL: cached images get `isCached: true` and their Heatwire URL. */
  cachedImage?: (sourceUrl: string) => CachedImageRef | undefined;
}

/** A stored article as it leaves Heatwire: the record, and the decrypted text when asked for. */
export interface PresentedRecord {
  id: string;
  record: NewsRecord;
  text?: string;
  /** Why the text could not be given (foreign or tampered ciphertext), when it was asked for. */
  textError?: HeatwireError;
}

/**
 * Rebuilds the record for export. The record comes back as it arrived (order, unknown fields,
 * its own `related` list and foreign `secured` value); Heatwire adds only what the record lacks:
 * its own ciphertext as `secured`, `updatedDateTime` after an in-place update, and — with
 * `extended` — a `heatwire` block with its own fields.
 */
export function presentRecord(row: ArticleRow, options: PresentOptions = {}): PresentedRecord {
  let record: NewsRecord = { ...row.record };
  if (row.updatedAt !== row.firstSeenAt && record.updatedDateTime === undefined) {
    record = insertAfter(record, 'publishedDateTime', 'updatedDateTime', row.updatedAt);
  }
  if (row.secured?.kind === 'own' && record.secured === undefined) record.secured = row.secured.ciphertext;
  // Only images the cache holds change; with none, the record's own isCached values stand.
  const marked = options.cachedImage && record.images ? markCachedImages(record.images, options.cachedImage) : null;
  if (marked) record.images = marked.images;
  if (options.extended) {
    record.heatwire = {
      id: row.id,
      canonicalUrl: row.canonicalUrl,
      urls: row.urls,
      firstSeenDateTime: row.firstSeenAt,
      updatedDateTime: row.updatedAt,
      textReadable: row.secured?.kind === 'own',
      ...unsealExtended(row.extended, options.ring),
      ...(marked ? { images: marked.cached } : {}),
    };
  }
  const out: PresentedRecord = { id: row.id, record };
  if (options.withText) {
    if (row.secured?.kind === 'own') {
      if (!options.ring) throw new HeatwireError('KEY_MISSING', 'no key ring given', { input: row.id });
      try {
        out.text = decryptText(row.secured.ciphertext, row.secured.keyId, options.ring);
      } catch (err) {
        out.textError = toHeatwireError(err, row.id);
      }
    } else if (row.secured?.kind === 'foreign') {
      out.textError = new HeatwireError('SECURED_UNREADABLE', undefined, { input: row.id });
    }
  }
  return out;
}

/** Returns a copy of `record` with `key` set right after `after` (or at the end). */
function insertAfter(record: NewsRecord, after: string, key: string, value: unknown): NewsRecord {
  if (!(after in record)) return { ...record, [key]: value };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    out[k] = v;
    if (k === after) out[key] = value;
  }
  return out as NewsRecord;
}

/**
 * Opens the sealed part of Heatwire's fields (summary, generated excerpt, move evidence) when a
 * key ring is at hand; without one, or when it fails authentication, those fields stay out.
 */
function unsealExtended(extended: Record<string, unknown>, ring: KeyRing | undefined): Record<string, unknown> {
  const { sealed, ...rest } = extended as { sealed?: { secured: string; keyId: string } } & Record<string, unknown>;
  if (!sealed || !ring) return rest;
  try {
    const quoted = JSON.parse(decryptText(sealed.secured, sealed.keyId, ring)) as {
      summary: string;
      excerpt: string | null;
      evidence: string[];
    };
    const moves = Array.isArray(rest.moves)
      ? (rest.moves as Array<Record<string, unknown>>).map((m, i) => ({ ...m, evidence: quoted.evidence[i] }))
      : rest.moves;
    return { ...rest, moves, summary: quoted.summary, ...(quoted.excerpt ? { excerpt: quoted.excerpt } : {}) };
  } catch {
    return rest;
  }
}
