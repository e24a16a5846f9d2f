import type { Database, Statement } from 'better-sqlite3';
import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { formatSecured, unpackSealed } from '../../secure/secured-format.js';
import type { ArticleRow, SecuredRead } from '../store.js';

/** The `articles` columns an ArticleRow is built from, for `SELECT ${ARTICLE_COLUMNS} FROM articles a`. */
export const ARTICLE_COLUMNS = [
  'seq', 'id', 'record_json', 'canonical_url', 'fingerprint', 'content_hash', 'title', 'excerpt',
  'published_at', 'provider_name', 'provider_domain', 'topics_json', 'secured_kind', 'secured_value',
  'secured_sealed', 'secured_key_id', 'extended_json', 'origin', 'first_seen_at', 'updated_at',
].map((c) => `a.${c}`).join(', ');

// The database is an edge like any other (another version or a hand edit may have written it).
const ArticleDbRowSchema = z.object({
  seq: z.number().int(),
  id: z.string(),
  record_json: z.string(),
  canonical_url: z.string().nullable(),
  fingerprint: z.string(),
  content_hash: z.string(),
  title: z.string(),
  excerpt: z.string().nullable(),
  published_at: z.string().nullable(),
  provider_name: z.string().nullable(),
  provider_domain: z.string().nullable(),
  topics_json: z.string(),
  secured_kind: z.enum(['own', 'foreign']).nullable(),
  secured_value: z.string().nullable(),
  secured_sealed: z.instanceof(Buffer).nullable(),
  secured_key_id: z.string().nullable(),
  extended_json: z.string(),
  origin: z.string(),
  first_seen_at: z.string(),
  updated_at: z.string(),
});
type ArticleDbRow = z.infer<typeof ArticleDbRowSchema>;

const RecordJsonSchema = z.looseObject({ title: z.string() });
const TopicsJsonSchema = z.array(z.string());
const ExtendedJsonSchema = z.record(z.string(), z.unknown());
const LinkRowSchema = z.object({ article_id: z.string(), value: z.string() });

/** Statements that load the URLs and record-related ids of many articles at once. */
export interface LinkStatements {
  urls: Statement;
  related: Statement;
}

/** Prepares the statements `readArticleRows` needs (once per connection). */
export function prepareLinkStatements(db: Database): LinkStatements {
  return {
    // rowid order = the order URLs were first attached: the original URL comes first.
    urls: db.prepare(`SELECT u.article_id, u.url AS value FROM article_urls u
      WHERE u.article_id IN (SELECT value FROM json_each(?)) ORDER BY u.rowid`),
    related: db.prepare(`SELECT r.article_id, r.related_id AS value FROM article_related r
      WHERE r.article_id IN (SELECT value FROM json_each(?)) AND r.origin = 'record'
      ORDER BY r.article_id, r.position`),
  };
}

/**
 * Turns `articles` rows (selected with ARTICLE_COLUMNS) into ArticleRows, loading their URLs and
 * related ids with one query each for the whole page rather than two per article.
 */
export function readArticleRows(links: LinkStatements, rows: unknown[]): ArticleRow[] {
  if (rows.length === 0) return [];
  const parsed = rows.map((r) => parseDbRow(r));
  const ids = JSON.stringify(parsed.map((r) => r.id));
  const urls = groupLinks(links.urls.all(ids));
  const related = groupLinks(links.related.all(ids));
  return parsed.map((r) => toArticleRow(r, urls.get(r.id) ?? [], related.get(r.id) ?? []));
}

function parseDbRow(row: unknown): ArticleDbRow {
  const result = ArticleDbRowSchema.safeParse(row);
  if (!result.success) {
    throw new HeatwireError('STORE_FAILED', `unreadable articles row: ${result.error.issues[0]?.message ?? ''}`);
  }
  return result.data;
}

function groupLinks(rows: unknown[]): Map<string, string[]> {
  const byArticle = new Map<string, string[]>();
  for (const row of rows) {
    const { article_id, value } = LinkRowSchema.parse(row);
    const list = byArticle.get(article_id);
    if (list) list.push(value);
    else byArticle.set(article_id, [value]);
  }
  return byArticle;
}

function toArticleRow(r: ArticleDbRow, urls: string[], relatedIds: string[]): ArticleRow {
  return {
    id: r.id,
    record: parseJson(RecordJsonSchema, r.record_json, r.id, 'record_json'),
    canonicalUrl: r.canonical_url,
    urls,
    fingerprint: r.fingerprint,
    contentHash: r.content_hash,
    title: r.title,
    excerpt: r.excerpt,
    publishedAt: r.published_at,
    providerName: r.provider_name,
    providerDomain: r.provider_domain,
    topics: parseJson(TopicsJsonSchema, r.topics_json, r.id, 'topics_json'),
    secured: toSecured(r),
    relatedIds,
    extended: parseJson(ExtendedJsonSchema, r.extended_json, r.id, 'extended_json'),
    origin: r.origin,
    firstSeenAt: r.first_seen_at,
    updatedAt: r.updated_at,
  };
}

function toSecured(r: ArticleDbRow): SecuredRead {
  if (r.secured_kind === 'own' && r.secured_key_id !== null && r.secured_sealed !== null) {
    return { kind: 'own', ciphertext: sealedAsText(r.secured_sealed), keyId: r.secured_key_id };
  }
  // A row written before v7 keeps its ciphertext as text (0007-sealed-text.ts).
  if (r.secured_kind === 'own' && r.secured_value !== null && r.secured_key_id !== null) {
    return { kind: 'own', ciphertext: r.secured_value, keyId: r.secured_key_id };
  }
  if (r.secured_kind === 'foreign' && r.secured_value !== null) return { kind: 'foreign', value: r.secured_value };
  return null;
}

/**
 * The `secured` text form of a stored binary ciphertext. Bytes that cannot be one give '', which
 * decrypting reports as SECURED_UNREADABLE: a damaged row is never shown as text, and never stops
 * a listing either.
 */
function sealedAsText(bytes: Buffer): string {
  try {
    return formatSecured(unpackSealed(bytes));
  } catch {
    return '';
  }
}

function parseJson<T>(schema: z.ZodType<T>, text: string, id: string, column: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new HeatwireError('STORE_FAILED', `article ${id}: ${column} is not JSON`, { cause: err });
  }
  if (!schema.safeParse(value).success) {
    throw new HeatwireError('STORE_FAILED', `article ${id}: ${column} has an unexpected shape`);
  }
  // The parsed JSON itself, not zod's output: zod rebuilds objects and would reorder keys, and
  // the record must come back in the key order it was written (DESIGN.md §2, lossless).
  return value as T;
}
