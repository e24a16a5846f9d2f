import { hash } from 'node:crypto';
import type { IncomingItem } from '../core/article.js';
import type { NewsRecord } from '../core/record.js';
import { articleId, articleUrlsOf, contentFingerprint } from '../normalise/index.js';
import { encryptText, encryptToSealed, type KeyRing } from '../secure/index.js';
import type { ArticleWrite } from '../store/store.js';
import type { EnrichInput, Enrichment } from '../enrich/enrich-article.js';

/** What preparing needs from the outside world: the key ring, and optionally enrichment. */
export interface PrepareDeps {
  ring: KeyRing;
  /** Enrichment of top-level articles (language, topics, people, quality, summary). */
  enrich?: (input: EnrichInput) => Enrichment;
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
  const { canonicalUrl, urls } = articleUrlsOf(record);
  const fingerprint = contentFingerprint(record.title, text ?? record.excerpt ?? '');
  const id = articleId({ canonicalUrl: canonicalUrl ?? undefined, fingerprint });
  const index = out.length;
  out.push(undefined as unknown as ArticleWrite); // keep the article before its references

  const relatedIds =
    depth < MAX_RELATED_DEPTH
      ? (record.related ?? []).map((rel) => prepareInto(rel, null, 'reference', origin, deps, out, depth + 1))
      : [];

  const enrichment = mode === 'full' && deps.enrich ? deps.enrich(enrichInputOf(record, text)) : null;
  const secured: ArticleWrite['secured'] = text
    ? { kind: 'own', ...encryptToSealed(text, deps.ring) }
    : record.secured
      ? { kind: 'foreign', value: record.secured }
      : null;

  const recordJson = JSON.stringify(record);
  out[index] = {
    id,
    record,
    recordJson,
    canonicalUrl,
    urls,
    fingerprint,
    contentHash: hashContent(recordJson, text),
    title: record.title.trim(),
    // A generated excerpt quotes the full text, so it is sealed, never a plain column.
    excerpt: record.excerpt ?? null,
    publishedAt: record.publishedDateTime ?? null,
    providerName: record.provider?.name ?? null,
    providerDomain: record.provider?.domain ?? null,
    // The record's own topics stand; computed ones fill in for items that came without any.
    topics: record.topics ?? enrichment?.topics.map((t) => t.name) ?? [],
    secured,
    textForIndex: text,
    relatedIds,
    mode,
    extended: enrichment ? sealEnrichment(enrichment, deps.ring) : {},
    origin,
  };
  return id;
}

/** What enrichment reads of a record and its plaintext (also used by reprocess). */
export function enrichInputOf(record: NewsRecord, text: string | null): EnrichInput {
  return {
    title: record.title,
    ...(text ? { text } : {}),
    ...(record.excerpt ? { excerpt: record.excerpt } : {}),
    ...(record.publishedDateTime ? { publishedDateTime: record.publishedDateTime } : {}),
    ...(record.images ? { images: record.images } : {}),
    ...(record.provider ? { provider: record.provider } : {}),
  };
}

/**
 * Heatwire's own fields, stored beside the record and exported with --extended. Whatever quotes
 * the full text (summary, generated excerpt, the evidence sentence of each move) is sealed with
 * the same key ring as the text itself (DESIGN.md §8): only names, roles, scores stay in clear.
 */
export function sealEnrichment(e: Enrichment, ring: KeyRing): Record<string, unknown> {
  const quoted = { summary: e.summary, excerpt: e.excerpt ?? null, evidence: e.moves.map((m) => m.evidence) };
  const sealed = encryptText(JSON.stringify(quoted), ring);
  return {
    language: e.language,
    topics: e.topics,
    entities: e.entities,
    moves: e.moves.map(({ evidence: _evidence, ...move }) => move),
    roles: e.roles,
    quality: e.quality,
    sealed: { secured: sealed.secured, keyId: sealed.keyId },
    ...(e.errors.length ? { enrichmentErrors: e.errors } : {}),
  };
}

/** Equal hash ⇒ the same item: the record as it came (`JSON.stringify`, in order) and its plaintext. */
function hashContent(recordJson: string, text: string | null): string {
  return hash('sha256', `${recordJson}\u0000${text ?? ''}`, 'hex');
}
