import type { NewsRecord } from '../core/record.js';

/**
 * The storage port (DESIGN.md §5). Stages never see SQL: they get a Store. The SQLite
 * implementation is the embedded default; a PostgreSQL one implements the same contract.
 * Methods are async so that both backends share one interface.
 */

/**
 * How the full text is held for one article, as written: Heatwire's own ciphertext in binary
 * (`packSealed`: IV length, IV, ciphertext‖tag), or a foreign `secured` value kept verbatim.
 */
export type SecuredWrite =
  | { kind: 'own'; sealed: Buffer; keyId: string }
  | { kind: 'foreign'; value: string }
  | null;

/** The same, as read back: an own ciphertext in the record's `secured` text form. */
export type SecuredRead =
  | { kind: 'own'; ciphertext: string; keyId: string }
  | { kind: 'foreign'; value: string }
  | null;

/** One article to insert or update, fully prepared by the pipeline (ids, hashes, ciphertext). */
export interface ArticleWrite {
  id: string;
  /** The record as it came (key order, unknown fields, nested `related` list kept). */
  record: NewsRecord;
  /** `JSON.stringify(record)` when the caller already made it (the pipeline hashes it); saves a second pass. */
  recordJson?: string;
  canonicalUrl: string | null;
  /** Every URL that reaches this article (original, canonical, AMP, AMP cache). */
  urls: string[];
  /** Content fingerprint (normalised title + text), for ids without a URL and dedupe. */
  fingerprint: string;
  /** Hash of the record and the plaintext: equal hash ⇒ nothing changed. */
  contentHash: string;
  title: string;
  excerpt: string | null;
  publishedAt: string | null;
  providerName: string | null;
  providerDomain: string | null;
  topics: string[];
  secured: SecuredWrite;
  /** Plaintext for the full-text index only; the index cannot give it back (DESIGN.md §8). */
  textForIndex: string | null;
  /** Ids of the records nested in `related`, in order. */
  relatedIds: string[];
  /**
   * `reference` items (records nested in another's `related`) are inserted when absent and never
   * overwrite an article that is already stored.
   */
  mode: 'full' | 'reference';
  /** Heatwire's own fields (language, summary, entities…), exported only with --extended. */
  extended: Record<string, unknown>;
  /** Where the item came from (file path or URL). */
  origin: string;
}

export type UpsertOutcome = 'new' | 'updated' | 'duplicate';

/** A stored article as read back. */
export interface ArticleRow {
  id: string;
  record: NewsRecord;
  canonicalUrl: string | null;
  urls: string[];
  fingerprint: string;
  contentHash: string;
  title: string;
  excerpt: string | null;
  publishedAt: string | null;
  providerName: string | null;
  providerDomain: string | null;
  topics: string[];
  secured: SecuredRead;
  relatedIds: string[];
  extended: Record<string, unknown>;
  origin: string;
  firstSeenAt: string;
  updatedAt: string;
}

export interface SearchHit {
  id: string;
  title: string;
  excerpt: string | null;
  publishedAt: string | null;
  providerName: string | null;
  score: number;
}

export interface ListOptions {
  topic?: string;
  limit?: number;
  offset?: number;
  /** Newest first by publishedAt (default) */
  order?: 'published_desc' | 'first_seen_asc';
}

/** Re-run enrichment results for one stored article (reprocess, editor topic corrections). */
export interface EnrichmentUpdate {
  id: string;
  topics: string[];
  extended: Record<string, unknown>;
  /** The record, when it changes too (an editor's topics written into a record that has `topics`). */
  record?: NewsRecord;
}

/** An editor's topic correction of one article, kept until a training has learned from it. */
export interface TopicCorrection {
  articleId: string;
  add: string[];
  remove: string[];
  createdAt: string;
  /** When `topics train` learned from it; null while pending. */
  trainedAt: string | null;
}

export interface Store {
  /**
   * Inserts or updates a batch in one transaction; outcomes in input order. The batch may be a
   * lazy iterable: it is consumed once, inside the transaction, so the caller can prepare each
   * write just before it is stored (it must not throw: a throw rolls the whole batch back).
   */
  upsertArticles(batch: Iterable<ArticleWrite>, now: string): Promise<UpsertOutcome[]>;
  getArticle(id: string): Promise<ArticleRow | null>;
  /** The article reached by this (already canonicalised) URL, if any. */
  findIdByUrl(url: string): Promise<string | null>;
  listArticles(options?: ListOptions): Promise<ArticleRow[]>;
  /** Streams every article in insertion order, in pages, for export and re-encryption. */
  iterateArticles(pageSize?: number): AsyncIterable<ArticleRow>;
  countArticles(): Promise<number>;
  /** Topic names with their article counts, most frequent first. */
  listTopics(): Promise<Array<{ name: string; count: number }>>;
  /** Full-text search over title, excerpt and text; top-k, bounded work for common terms. */
  search(query: string, options?: { limit?: number }): Promise<SearchHit[]>;
  /** Replaces the ciphertext of articles (key rotation) in one transaction. */
  updateSecured(updates: Array<{ id: string; ciphertext: string; keyId: string }>): Promise<void>;
  /**
   * Replaces the topics and Heatwire's fields (and the record, when given) of stored articles in
   * one transaction; content, ids and timestamps are unchanged. Unknown ids fail the whole batch.
   */
  updateEnrichment(updates: EnrichmentUpdate[]): Promise<void>;
  /** Saves an editor's correction; a newer one for the same article replaces it (pending again). */
  saveTopicCorrection(correction: Omit<TopicCorrection, 'trainedAt'>): Promise<void>;
  /** Corrections, oldest first; only those no training has learned from yet when `pending`. */
  listTopicCorrections(options?: { pending?: boolean }): Promise<TopicCorrection[]>;
  /** Marks corrections as learned (by `topics train`). */
  markTopicCorrectionsTrained(articleIds: string[], at: string): Promise<void>;
  close(): Promise<void>;
}
