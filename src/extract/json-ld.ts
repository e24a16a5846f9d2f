import { z } from 'zod';
import { textSimilarity } from './signals.js';

/**
 * JSON-LD (https://www.w3.org/TR/json-ld11/) article metadata, read two ways:
 * - `readabilityJsonLd`: Readability's rules exactly (first script whose top object, or `@graph`
 *   member, is a schema.org Article type), so that title/byline/excerpt/site agree with the usual
 *   reader view;
 * - `articleJsonLd`: a tolerant reader for everything else (all scripts, arrays, `@graph`, `@type`
 *   arrays, `@id` references, ImageObject, several authors, dateModified, inLanguage).
 * Scripts are untrusted: the parsed values go through zod before use.
 */

const ARTICLE_TYPES_READABILITY =
  /^Article|AdvertiserContentArticle|NewsArticle|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference$/;
const ARTICLE_TYPES = /^(\w*Article|Report|SocialMediaPosting|BlogPosting|LiveBlogPosting|DiscussionForumPosting|APIReference|Blog)$/;
const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;

/** Fields Readability takes from JSON-LD. */
export interface ReadabilityJsonLd {
  title?: string;
  byline?: string;
  excerpt?: string;
  siteName?: string;
  datePublished?: string;
}

/** What the tolerant reader found on the page's article object. */
export interface ArticleJsonLd {
  headline: string | null;
  authors: string[];
  datePublished: string | null;
  /** schema.org `dateCreated`: when the work was made, not when it was published. */
  dateCreated: string | null;
  dateModified: string | null;
  description: string | null;
  publisher: string | null;
  images: Array<{ url: string; width?: number; height?: number }>;
  url: string | null;
  language: string | null;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** Parses one script body; tolerates CDATA wrappers and raw control characters inside strings. */
export function parseJsonLdScript(text: string): unknown {
  const body = text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '');
  try {
    return JSON.parse(body);
  } catch {
    try {
      // Raw newlines/tabs inside strings are the most common breakage in the wild.
      return JSON.parse(body.replace(/^\s*<!--|-->\s*$/g, '').replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}

/** Readability's JSON-LD rules; `docTitle` is computed only when name and headline disagree. */
export function readabilityJsonLd(scripts: string[], docTitle: () => string): ReadabilityJsonLd {
  for (const text of scripts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, ''));
    } catch {
      continue;
    }
    if (Array.isArray(parsed)) {
      parsed = parsed.find((it) => isObject(it) && typeof it['@type'] === 'string' && ARTICLE_TYPES_READABILITY.test(it['@type']));
      if (!parsed) continue;
    }
    if (!isObject(parsed)) continue;
    const context = parsed['@context'];
    const matches =
      (typeof context === 'string' && SCHEMA_ORG.test(context)) ||
      (isObject(context) && typeof context['@vocab'] === 'string' && SCHEMA_ORG.test(context['@vocab']));
    if (!matches) continue;
    if (!parsed['@type'] && Array.isArray(parsed['@graph'])) {
      parsed = parsed['@graph'].find((it) => isObject(it) && typeof it['@type'] === 'string' && ARTICLE_TYPES_READABILITY.test(it['@type']));
    }
    if (!isObject(parsed) || typeof parsed['@type'] !== 'string' || !ARTICLE_TYPES_READABILITY.test(parsed['@type'])) continue;
    return readabilityFields(parsed, docTitle);
  }
  return {};
}

function readabilityFields(node: Json, docTitle: () => string): ReadabilityJsonLd {
  const out: ReadabilityJsonLd = {};
  const { name, headline, author, description, publisher, datePublished } = node;
  if (typeof name === 'string' && typeof headline === 'string' && name !== headline) {
    // Some sites put the site name in `name`: prefer whichever matches the <title>.
    const title = docTitle();
    const nameMatches = textSimilarity(name, title) > 0.75;
    const headlineMatches = textSimilarity(headline, title) > 0.75;
    out.title = headlineMatches && !nameMatches ? headline : name;
  } else if (typeof name === 'string') out.title = name.trim();
  else if (typeof headline === 'string') out.title = headline.trim();
  if (isObject(author) && typeof author.name === 'string') out.byline = author.name.trim();
  else if (Array.isArray(author) && isObject(author[0]) && typeof author[0].name === 'string') {
    out.byline = author
      .filter((a): a is Json => isObject(a) && typeof a.name === 'string')
      .map((a) => (a.name as string).trim())
      .join(', ');
  }
  if (typeof description === 'string') out.excerpt = description.trim();
  if (isObject(publisher) && typeof publisher.name === 'string') out.siteName = publisher.name.trim();
  if (typeof datePublished === 'string') out.datePublished = datePublished.trim();
  return out;
}

const typesOf = (node: Json): string[] => {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
};

/** All objects in the scripts: top level, arrays, `@graph`, and `mainEntity`, in order. */
function flatten(scripts: string[]): Json[] {
  const out: Json[] = [];
  const queue: unknown[] = scripts.map(parseJsonLdScript);
  while (queue.length && out.length < 1000) {
    const item = queue.shift();
    if (Array.isArray(item)) queue.unshift(...item);
    else if (isObject(item)) {
      out.push(item);
      if (Array.isArray(item['@graph'])) queue.push(...item['@graph']);
      if (isObject(item.mainEntity)) queue.push(item.mainEntity);
    }
  }
  return out;
}

const ImageObject = z.looseObject({
  url: z.string().optional(),
  contentUrl: z.string().optional(),
  '@id': z.string().optional(),
  width: z.union([z.number(), z.string()]).optional(),
  height: z.union([z.number(), z.string()]).optional(),
});

const toInt = (v: unknown): number | undefined => {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? parseInt(v, 10) : NaN;
  return Number.isFinite(n) && n > 0 && n < 100_000 ? Math.round(n) : undefined;
};

/** The tolerant reader: the first Article-typed object on the page, with `@id` references resolved. */
export function articleJsonLd(scripts: string[]): ArticleJsonLd | null {
  const nodes = flatten(scripts);
  const byId = new Map<string, Json>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && !byId.has(n['@id'])) byId.set(n['@id'], n);
  const resolve = (v: unknown): unknown => (isObject(v) && typeof v['@id'] === 'string' && Object.keys(v).length === 1 ? (byId.get(v['@id']) ?? v) : v);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t)));
  if (!article) return null;

  const names = (v: unknown): string[] => {
    const list = Array.isArray(v) ? v : [v];
    return list.flatMap((a) => {
      const r = resolve(a);
      if (typeof r === 'string') return str(r) ? [r.trim()] : [];
      if (isObject(r)) return str(r.name) ? [(r.name as string).trim()] : [];
      return [];
    });
  };
  const images = (Array.isArray(article.image) ? article.image : [article.image]).flatMap((raw) => {
    const r = resolve(raw);
    if (typeof r === 'string') return str(r) ? [{ url: r.trim() }] : [];
    const parsed = ImageObject.safeParse(r);
    if (!parsed.success) return [];
    const url = str(parsed.data.url) ?? str(parsed.data.contentUrl);
    return url ? [{ url, width: toInt(parsed.data.width), height: toInt(parsed.data.height) }] : [];
  });
  const publisher = resolve(article.publisher);
  const page = resolve(article.mainEntityOfPage);
  return {
    headline: str(article.headline) ?? str(article.name),
    authors: [...new Set([...names(article.author), ...(article.author ? [] : names(article.creator))])],
    datePublished: str(article.datePublished),
    dateCreated: str(article.dateCreated),
    dateModified: str(article.dateModified),
    description: str(article.description),
    publisher: isObject(publisher) ? str(publisher.name) : str(publisher),
    images,
    url: str(article.url) ?? (isObject(page) ? str(page['@id']) ?? str(page.url) : str(page)),
    language: str(article.inLanguage) ?? (isObject(article.inLanguage) ? str(article.inLanguage.name) : null),
  };
}
