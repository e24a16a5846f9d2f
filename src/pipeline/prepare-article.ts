import { createHash } from 'node:crypto';
import type { IncomingItem } from '../core/article.js';
import type { NewsRecord } from '../core/record.js';
import { articleId, canonicalUrlOf, collectUrls, contentFingerprint } from '../normalise/index.js';
import { encryptText, type KeyRing } from '../secure/index.js';
import type { ArticleWrite } from '../store/store.js';

/** What preparing needs from the outside world: the key ring (for the full text). */
export interface PrepareDeps {
  ring: KeyRing;
}

/**
 * Turns one parsed item into store writes: the article itself first, then every record nested
 * in its `related` list (recursively) as a `reference` write. Pure but for encryption's random IV.
 */
export function prepareArticle(item: IncomingItem, deps: PrepareDeps): ArticleWrite[] {
  const writes: ArticleWrite[] = [];
  prepareInto(item.record, item.text ?? null, 'full', item.origin, deps, writes, 0);
  return writes;
}

const MAX_RELATED_DEPTH = 4;

function prepareInto(
  record: NewsRecord,
  text: string | null,
  mode: ArticleWrite['mode'],
  origin: string,
  deps: PrepareDeps,
  out: ArticleWrite[],
  depth: number,
): string {
  const canonicalUrl = canonicalUrlOf(record);
  const fingerprint = contentFingerprint(record.title, text ?? record.excerpt ?? '');
  const id = articleId({ canonicalUrl: canonicalUrl ?? undefined, fingerprint });
  const index = out.length;
  out.push(undefined as unknown as ArticleWrite); // keep the article before its references

  const relatedIds =
    depth < MAX_RELATED_DEPTH
      ? (record.related ?? []).map((rel) => prepareInto(rel, null, 'reference', origin, deps, out, depth + 1))
      : [];

  const secured: ArticleWrite['secured'] = text
    ? { kind: 'own', ...renameSecured(encryptText(text, deps.ring)) }
    : record.secured
      ? { kind: 'foreign', value: record.secured }
      : null;

  out[index] = {
    id,
    record,
    canonicalUrl,
    urls: collectUrls(record),
    fingerprint,
    contentHash: hashContent(record, text),
    title: record.title.trim(),
    excerpt: record.excerpt ?? null,
    publishedAt: record.publishedDateTime ?? null,
    providerName: record.provider?.name ?? null,
    providerDomain: record.provider?.domain ?? null,
    topics: record.topics ?? [],
    secured,
    textForIndex: text,
    relatedIds,
    mode,
    extended: {},
    origin,
  };
  return id;
}

function renameSecured(value: { secured: string; keyId: string }): { ciphertext: string; keyId: string } {
  return { ciphertext: value.secured, keyId: value.keyId };
}

/** Equal hash ⇒ the same item: the record as it came (in order) and its plaintext. */
function hashContent(record: NewsRecord, text: string | null): string {
  return createHash('sha256')
    .update(JSON.stringify(record))
    .update('\u0000')
    .update(text ?? '')
    .digest('hex');
}
