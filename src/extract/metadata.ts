import { articleTitleFromDocument } from './article-title.js';
import { dateFromUrl, normalizeDate } from './dates.js';
import { type HElement, walk } from './dom.js';
import { articleJsonLd, readabilityJsonLd } from './json-ld.js';
import type { ParsedDocument } from './parse-html.js';

/**
 * Page metadata from JSON-LD, OpenGraph (https://ogp.me), Twitter cards, Dublin Core, Parse.ly,
 * Sailthru and plain `<meta>`, `<link rel=canonical|amphtml>`, `<time>`, `<html lang>` and the URL.
 * Title, byline, excerpt and site name keep Readability's order of sources so that they agree with
 * the usual reader view; so does the declared publication date, while every other date source
 * gives only `publishedTimeGuess` (docs/extraction.md, "Dates"). Authors, language and the lead
 * image use every source above.
 */

/** A lead image: absolute URL, with size when the page states it. */
export interface LeadImage {
  url: string;
  width?: number;
  height?: number;
}

/** Where an inferred publication date was read: other meta tags, microdata, a `<time>` element, the URL path. */
export type PublishedTimeGuessSource = 'metadata' | 'microdata' | 'time' | 'url';

/** A publication date the page does not declare but that Heatwire infers (see docs/extraction.md). */
export interface PublishedTimeGuess {
  value: string;
  source: PublishedTimeGuessSource;
}

/** Metadata read from the page before the body is extracted. */
export interface PageMetadata {
  title: string;
  byline: string | null;
  excerpt: string | null;
  siteName: string | null;
  /** The publication date as written (Readability's `publishedTime`). */
  publishedRaw: string | null;
  /** The publication date the page's article metadata declares (JSON-LD, OpenGraph, Parse.ly), ISO 8601 UTC. */
  publishedDateTime: string | null;
  /** A date only inferred (other meta tags, microdata, `<time>`, URL path); null when one is declared. */
  publishedTimeGuess: PublishedTimeGuess | null;
  modifiedDateTime: string | null;
  authors: string[];
  canonicalUrl: string | null;
  ampUrl: string | null;
  language: string | null;
  leadImage: LeadImage | null;
}

// Readability's patterns: `property` may list several names; `name` holds one.
const PROPERTY_PATTERN = /\s*(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|description|published_time|title|site_name)\s*/gi;
const NAME_PATTERN = /^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$/i;
const ESCAPES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes the entities that survive in double-escaped meta values. */
export function unescapeEntities(s: string | null | undefined): string | null {
  if (!s) return s ?? null;
  return s
    .replace(/&(quot|amp|apos|lt|gt);/g, (_, name: string) => ESCAPES[name]!)
    .replace(/&#(?:x([0-9a-f]+)|([0-9]+));/gi, (_, hex: string | undefined, dec: string | undefined) => {
      let cp = parseInt(hex ?? dec ?? '0', hex ? 16 : 10);
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) cp = 0xfffd;
      return String.fromCodePoint(cp);
    });
}

/** Resolves `href` against `base`; only absolute http(s) results are returned. */
export function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  try {
    const url = base ? new URL(href.trim(), base) : new URL(href.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const isUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s);

/** Splits a byline into names: drops "By", splits on commas, "and", "&", ";". */
export function splitAuthors(byline: string | null | undefined): string[] {
  if (!byline) return [];
  const cleaned = byline
    .replace(/\s+/g, ' ')
    .replace(/^\s*(by|von|par|por|di|door|av|af)\s*:?\s+/i, '')
    .replace(/\s*[|–—]\s.*$/, '');
  return cleaned
    .split(/\s*(?:,\s*and\s+|,|;|\s+and\s+|\s+&\s+|\s+und\s+|\s+et\s+|\s+y\s+)\s*/i)
    .map((s) => s.trim())
    .filter((s) => s.length >= 2 && s.length <= 80 && !isUrl(s) && !s.includes('@') && /\p{L}/u.test(s));
}

function normalizeLanguage(value: string | null | undefined): string | null {
  const v = value?.split(/[,;]/)[0]?.trim().replace(/_/g, '-');
  return v && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(v) ? v : null;
}

/** Reads the metadata of a parsed page (call before scripts are removed). */
export function readMetadata(doc: ParsedDocument, pageUrl: string | null): PageMetadata {
  const { root } = doc;
  const found = collectElements(root);
  const values = new Map<string, string>(); // Readability's map
  const meta = new Map<string, string>(); // every name/property/itemprop/http-equiv, first value wins
  for (const el of found.metas) collectMeta(el, values, meta);
  const base = absoluteUrl(found.base?.getAttr('href'), pageUrl) ?? pageUrl;
  const links = new Map<string, string>();
  for (const link of found.links) {
    const href = link.getAttr('href');
    if (!href) continue;
    for (const rel of (link.getAttr('rel') ?? '').toLowerCase().split(/\s+/)) if (rel && !links.has(rel)) links.set(rel, href);
  }
  const ldScripts = found.scripts.filter((s) => (s.getAttr('type') ?? '').trim().toLowerCase() === 'application/ld+json');
  const scripts = ldScripts.map((s) => s.textContent);
  const exactScripts = ldScripts.filter((s) => s.getAttr('type') === 'application/ld+json').map((s) => s.textContent);
  let docTitle: string | undefined;
  const titleFromDocument = (): string => (docTitle ??= articleTitleFromDocument(doc.title, root));
  const rj = readabilityJsonLd(exactScripts, titleFromDocument);
  const aj = articleJsonLd(scripts);
  const v = (k: string): string | undefined => values.get(k);
  const m = (...keys: string[]): string | null => {
    for (const k of keys) {
      const found = meta.get(k);
      if (found) return found;
    }
    return null;
  };

  const articleAuthor = v('article:author') && !isUrl(v('article:author')!) ? v('article:author') : undefined;
  const title =
    rj.title || v('dc:title') || v('dcterm:title') || v('og:title') || v('weibo:article:title') || v('weibo:webpage:title') ||
    v('title') || v('twitter:title') || v('parsely-title') || titleFromDocument();
  const byline = rj.byline || v('dc:creator') || v('dcterm:creator') || v('author') || v('parsely-author') || articleAuthor;
  const excerpt =
    rj.excerpt || v('dc:description') || v('dcterm:description') || v('og:description') || v('weibo:article:description') ||
    v('weibo:webpage:description') || v('description') || v('twitter:description');
  const siteName = rj.siteName || v('og:site_name');
  const publishedRaw = rj.datePublished || v('article:published_time') || v('parsely-pub-date') || null;

  // Declared: the article's first-publication time, stated as such by the article metadata of the
  // page — schema.org `datePublished` on the JSON-LD article object, OpenGraph `article:published_time`
  // (https://ogp.me/#type_article), Parse.ly `parsely-pub-date`: the sources reader views read.
  const published = [aj?.datePublished, publishedRaw, m('article:published_time', 'parsely-pub-date')].map(normalizeDate).find(Boolean) ?? null;
  const modified =
    [aj?.dateModified, m('article:modified_time', 'og:updated_time', 'modified_time', 'dcterms.modified', 'datemodified',
      'last-modified', 'article.updated'), itempropDate(found.dated, 'datemodified')]
      .map(normalizeDate)
      .find(Boolean) ?? null;

  const authorSources = aj?.authors.length
    ? aj.authors
    : splitAuthors(unescapeEntities(byline ?? m('sailthru.author', 'byl', 'dc.creator', 'parsely-author')));
  const htmlLang = doc.html.getAttr('lang') ?? doc.html.getAttr('xml:lang');
  const isAmp = doc.html.hasAttr('amp') || doc.html.hasAttr('⚡');

  return {
    title: unescapeEntities(title) ?? '',
    byline: unescapeEntities(byline),
    // The tolerant JSON-LD reader fills what Readability's strict one missed (broken JSON, @type arrays).
    excerpt: unescapeEntities(excerpt ?? aj?.description),
    siteName: unescapeEntities(siteName ?? aj?.publisher),
    publishedRaw: unescapeEntities(publishedRaw),
    publishedDateTime: published,
    publishedTimeGuess: published ? null : guessPublished(
      [aj?.dateCreated, m('og:published_time', 'published_time', 'sailthru.date', 'dc.date.issued', 'dcterms.issued', 'dc.date',
        'dcterms.date', 'dcterms.created', 'pubdate', 'publishdate', 'publish-date', 'publication_date', 'date',
        'article.published', 'citation_publication_date')],
      found.dated,
      pageUrl,
    ),
    modifiedDateTime: modified,
    authors: [...new Set(authorSources)],
    canonicalUrl: absoluteUrl(links.get('canonical') ?? m('og:url') ?? aj?.url, base),
    ampUrl: absoluteUrl(links.get('amphtml'), base) ?? (isAmp ? pageUrl : null),
    language: normalizeLanguage(htmlLang) ?? normalizeLanguage(m('content-language', 'language', 'dc.language', 'og:locale')) ??
      normalizeLanguage(aj?.language),
    leadImage: leadImageFrom(aj?.images ?? [], meta, links, base),
  };
}

function collectMeta(el: HElement, values: Map<string, string>, meta: Map<string, string>): void {
  const content = el.getAttr('content');
  if (!content) return;
  const name = el.getAttr('name');
  const property = el.getAttr('property');
  const matches = property?.match(PROPERTY_PATTERN);
  if (matches) values.set(matches[0].toLowerCase().replace(/\s/g, ''), content.trim());
  else if (name && NAME_PATTERN.test(name)) values.set(name.toLowerCase().replace(/\s/g, '').replace(/\./g, ':'), content.trim());
  for (const key of [name, property, el.getAttr('itemprop'), el.getAttr('http-equiv')]) {
    for (const k of key?.toLowerCase().split(/\s+/) ?? []) if (k && !meta.has(k) && content.trim()) meta.set(k, content.trim());
  }
}

const DATED = new Set(['time', 'span', 'div', 'p', 'abbr', 'meta']);

/** The elements metadata is read from, gathered in one walk of the page. */
function collectElements(root: HElement): { metas: HElement[]; links: HElement[]; scripts: HElement[]; base: HElement | null; dated: HElement[] } {
  const out = { metas: [] as HElement[], links: [] as HElement[], scripts: [] as HElement[], base: null as HElement | null, dated: [] as HElement[] };
  walk(root, (n) => {
    if (!n.isElement) return;
    if (n.tag === 'meta') out.metas.push(n);
    else if (n.tag === 'link') out.links.push(n);
    else if (n.tag === 'script') out.scripts.push(n);
    else if (n.tag === 'base') out.base ??= n;
    if (DATED.has(n.tag) && (n.tag === 'time' || n.hasAttr('itemprop'))) out.dated.push(n);
  });
  return out;
}

/** The `datetime`/`content` (else the text) of the first element with schema.org microdata `itemprop=…`. */
function itempropDate(dated: HElement[], prop: 'datepublished' | 'datemodified'): string | null {
  for (const el of dated) {
    if (el.getAttr('itemprop')?.toLowerCase() === prop) return el.getAttr('datetime') ?? el.getAttr('content') ?? el.textContent;
  }
  return null;
}

/**
 * A publication date inferred when none is declared (docs/extraction.md, "Dates"), strongest first:
 * - 'metadata': other date meta tags and JSON-LD `dateCreated` — Dublin Core (`DC.date` is "a date
 *   associated with an event in the lifecycle of the resource", not publication), Sailthru, and
 *   names no specification defines (`date`, `pubdate`, `publishdate`; HTML's standard metadata
 *   names have none), which CMS templates also fill with the page's build or cache time;
 * - 'microdata': `itemprop=datePublished` belongs to whichever `itemscope` encloses it (a related
 *   story, a video, a comment) and item scopes are not resolved here;
 * - 'time': a `<time pubdate>` (an HTML5 draft attribute the WHATWG spec dropped), else the first
 *   `<time datetime>`, which may date a comment, a related story or the footer;
 * - 'url': a date in the URL path gives the day, never the time.
 */
function guessPublished(metaValues: Array<string | null | undefined>, dated: HElement[], pageUrl: string | null): PublishedTimeGuess | null {
  const fromMeta = metaValues.map(normalizeDate).find(Boolean);
  if (fromMeta) return { value: fromMeta, source: 'metadata' };
  const fromMicrodata = normalizeDate(itempropDate(dated, 'datepublished'));
  if (fromMicrodata) return { value: fromMicrodata, source: 'microdata' };
  let first: string | null = null;
  for (const el of dated) {
    if (el.tag !== 'time') continue;
    const value = normalizeDate(el.getAttr('datetime'));
    if (value && el.hasAttr('pubdate')) return { value, source: 'time' };
    first ??= value;
  }
  if (first) return { value: first, source: 'time' };
  const fromUrl = dateFromUrl(pageUrl);
  return fromUrl ? { value: fromUrl, source: 'url' } : null;
}

function leadImageFrom(
  images: Array<{ url: string; width?: number; height?: number }>,
  meta: Map<string, string>,
  links: Map<string, string>,
  base: string | null,
): LeadImage | null {
  const size = (w: string | undefined, h: string | undefined): Omit<LeadImage, 'url'> => {
    const width = Number(w);
    const height = Number(h);
    return {
      ...(Number.isInteger(width) && width > 0 ? { width } : {}),
      ...(Number.isInteger(height) && height > 0 ? { height } : {}),
    };
  };
  for (const img of images) {
    const url = absoluteUrl(img.url, base);
    if (url) return { url, ...(img.width ? { width: img.width } : {}), ...(img.height ? { height: img.height } : {}) };
  }
  const og = absoluteUrl(meta.get('og:image:secure_url') ?? meta.get('og:image') ?? meta.get('og:image:url'), base);
  if (og) return { url: og, ...size(meta.get('og:image:width'), meta.get('og:image:height')) };
  const other = absoluteUrl(meta.get('twitter:image') ?? meta.get('twitter:image:src') ?? links.get('image_src'), base);
  return other ? { url: other } : null;
}
