import { z } from 'zod';
import { HeatwireError } from '../core/errors.js';
import type { HElement } from './dom.js';
import { grabArticle } from './grab-article.js';
import { serializeChildren, toPlainText } from './html-output.js';
import { Budget, DEFAULT_LIMITS, type ExtractLimits } from './limits.js';
import { absoluteUrl, type LeadImage, readMetadata, splitAuthors } from './metadata.js';
import { parseHtml } from './parse-html.js';
import { simplifyNested } from './prep-article.js';
import { prepDocument, removeScripts, unlinkScriptLinks, unwrapNoscriptImages } from './prep-document.js';
import { removeBoilerplate } from './remove-boilerplate.js';
import { hasAncestorTag, innerTextLength, linkDensity } from './signals.js';
import { absolutizeUrls, pruneAttributes, sanitizeArticleHtml } from './sanitize-article.js';

/** Options of one extraction. */
export interface ExtractOptions {
  /** The page's URL: resolves relative links, gives a date in the path, and is echoed back. */
  url?: string;
  /** Input size cap in UTF-8 bytes (default 5 MB). */
  maxBytes?: number;
  /** Wall-clock budget in ms (default 5000); exceeding it throws EXTRACT_FAILED. */
  timeBudgetMs?: number;
  /** Larger inputs are cut to `maxBytes` ('truncate', default) or refused with INPUT_TOO_LARGE. */
  oversize?: 'truncate' | 'refuse';
  /** Element, depth and attribute caps (see `DEFAULT_LIMITS`). */
  limits?: Partial<Pick<ExtractLimits, 'maxElements' | 'maxDepth' | 'maxAttributes'>>;
}

/** The lead image: absolute URL, size when the page states it. */
export const LeadImageSchema = z.object({
  url: z.string(),
  width: z.number().int().positive().optional(),
  height: z.number().int().positive().optional(),
});

/** An inferred publication date: ISO 8601 UTC, and where it was read (see docs/extraction.md, "Dates"). */
export const PublishedTimeGuessSchema = z.object({
  value: z.string(),
  source: z.enum(['metadata', 'microdata', 'time', 'url']),
});

/** The extract fields of DESIGN.md §6, plus authors, dates, AMP/canonical URLs and warnings. */
export const ExtractedArticleSchema = z.object({
  url: z.string().nullable(),
  canonicalUrl: z.string().nullable(),
  ampUrl: z.string().nullable(),
  title: z.string(),
  byline: z.string().nullable(),
  authors: z.array(z.string()),
  /** The publication date the page's article metadata declares (JSON-LD, OpenGraph, Parse.ly); see docs/extraction.md. */
  publishedDateTime: z.string().nullable(),
  /** Only when nothing is declared: a date inferred from other meta tags, microdata, `<time>` or the URL. */
  publishedTimeGuess: PublishedTimeGuessSchema.nullable(),
  modifiedDateTime: z.string().nullable(),
  siteName: z.string().nullable(),
  language: z.string().nullable(),
  excerpt: z.string().nullable(),
  text: z.string(),
  html: z.string(),
  leadImage: LeadImageSchema.nullable(),
  /** 'input-truncated', 'elements-truncated', 'no-article'. */
  warnings: z.array(z.string()),
});
/** One extracted page (see `ExtractedArticleSchema`). */
export type ExtractedArticle = z.infer<typeof ExtractedArticleSchema>;

/**
 * The date to file an article under: the declared publication date, else the inferred one. For
 * consumers that need a date (ingest, feed/page merge); `publishedDateTime` alone stays declared-only.
 */
export function resolvePublishedDate(article: Pick<ExtractedArticle, 'publishedDateTime' | 'publishedTimeGuess'>): string | null {
  return article.publishedDateTime ?? article.publishedTimeGuess?.value ?? null;
}

/** Resolves the options against the defaults. */
export function resolveLimits(options: ExtractOptions): ExtractLimits {
  return {
    ...DEFAULT_LIMITS,
    ...options.limits,
    ...(options.maxBytes !== undefined ? { maxBytes: options.maxBytes } : {}),
    ...(options.timeBudgetMs !== undefined ? { timeBudgetMs: options.timeBudgetMs } : {}),
    ...(options.oversize ? { oversize: options.oversize } : {}),
  };
}

/** Refuses binary input: NUL bytes or mostly control characters in the first 8 KB. */
function looksBinary(html: string): boolean {
  const head = html.slice(0, 8192);
  if (head.includes('\u0000')) return true;
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\ufffd]/g)?.length ?? 0;
  return controls > head.length * 0.1;
}

/** Cuts `html` to at most `maxBytes` UTF-8 bytes. */
function truncateBytes(html: string, maxBytes: number): string {
  const bytes = Buffer.from(html, 'utf8').subarray(0, maxBytes);
  return bytes.toString('utf8').replace(/\ufffd$/, '');
}

const WRAPPERS = new Set(['div', 'article', 'section', 'main']);
const TABLE_PARTS = new Set(['tr', 'td', 'th', 'tbody', 'thead', 'tfoot', 'caption', 'colgroup', 'col']);
/** Below this many characters of text outside links, what was found is not an article. */
const MIN_PROSE_CHARS = 25;

/**
 * A page's best block is an article when it is not mostly links and holds a sentence's worth of
 * text outside links — or all of the page's text: a page that says only a line says it in its
 * content (there is no footer or menu to mistake for it). A shop's home page or a list of links
 * yields no article rather than its footer.
 */
function isArticle(content: HElement, pageTextLength: number): boolean {
  const density = linkDensity(content);
  if (density > 0.5) return false;
  const prose = innerTextLength(content) * (1 - density);
  return prose >= MIN_PROSE_CHARS || (prose > 0 && innerTextLength(content) >= pageTextLength);
}

/** Table rows or cells taken without their table become plain blocks (valid HTML, same text). */
function fixOrphanTableParts(root: HElement): void {
  for (const el of root.findAll(TABLE_PARTS)) {
    if (!hasAncestorTag(el, 'table', -1)) el.tag = 'div';
  }
}

/** Skips wrappers that hold one element and no text (the page div, an `<article>` around everything). */
function innermostWrapper(root: HElement): HElement {
  let node = root;
  for (let child = node.firstElementChild; child && WRAPPERS.has(child.tag) && node.childElementCount === 1; child = node.firstElementChild) {
    if (node.childNodes.some((n) => !n.isElement && n.data.trim())) break;
    node = child;
  }
  return node;
}

/**
 * Turns an HTML page into an article: metadata (title, byline, authors, dates, site, language,
 * canonical/AMP URLs, lead image, excerpt) and the main text as sanitised HTML and plain text.
 * A page without an article yields empty `text`/`html` and the warning 'no-article'.
 *
 * @throws HeatwireError INPUT_EMPTY, INPUT_BINARY, INPUT_TOO_LARGE (oversize 'refuse'),
 *   EXTRACT_FAILED (time budget exceeded).
 * @example extractArticle(html, { url: 'https://example.org/2024/05/01/story' }).title
 */
export function extractArticle(html: string, options: ExtractOptions = {}): ExtractedArticle {
  const limits = resolveLimits(options);
  const input = options.url;
  const warnings: string[] = [];
  if (typeof html !== 'string' || !html.trim()) throw new HeatwireError('INPUT_EMPTY', undefined, { input });
  if (looksBinary(html)) throw new HeatwireError('INPUT_BINARY', 'NUL bytes or control characters in the page', { input });
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings need no byte count.
  if (html.length * 3 > limits.maxBytes && Buffer.byteLength(html, 'utf8') > limits.maxBytes) {
    if (limits.oversize === 'refuse') {
      throw new HeatwireError('INPUT_TOO_LARGE', `page is over ${limits.maxBytes} bytes`, { input });
    }
    html = truncateBytes(html, limits.maxBytes);
    warnings.push('input-truncated');
  }
  const budget = new Budget(limits.timeBudgetMs, input);
  const pageUrl = absoluteUrl(options.url, null);
  const doc = parseHtml(html, limits, budget);
  if (doc.truncated) warnings.push('elements-truncated');

  const meta = readMetadata(doc, pageUrl);
  unwrapNoscriptImages(doc.root);
  removeScripts(doc.root);
  prepDocument(doc.body);
  const pageTextLength = innerTextLength(doc.body);
  const grabbed = grabArticle(doc.root, doc.body, meta.title, Boolean(meta.byline), budget);
  budget.check('cleaning');

  let text = '';
  let articleHtml = '';
  let firstParagraph: string | null = null;
  let contentImage: LeadImage | null = null;
  const base = absoluteUrl(doc.root.findFirst('base')?.getAttr('href'), pageUrl) ?? pageUrl;
  // After scoring, like Readability's post-processing: during scoring a script link (a "Share" or
  // "Show more" control) still reads as link text, which is the better boilerplate signal.
  if (grabbed) unlinkScriptLinks(grabbed.content);
  if (grabbed && isArticle(grabbed.content, pageTextLength)) {
    const content = grabbed.content;
    simplifyNested(content);
    removeBoilerplate(content);
    absolutizeUrls(content, base);
    fixOrphanTableParts(content);
    firstParagraph = content.findFirst('p')?.textContent.trim() || null;
    const img = content.findFirst('img');
    const imgUrl = absoluteUrl(img?.getAttr('src'), base);
    if (imgUrl) contentImage = { url: imgUrl };
    text = toPlainText(content);
    pruneAttributes(content);
    articleHtml = text ? sanitizeArticleHtml(serializeChildren(innermostWrapper(content))) : '';
  }
  if (!text) warnings.push('no-article');

  const byline = meta.byline ?? grabbed?.byline ?? null;
  return {
    url: pageUrl,
    canonicalUrl: meta.canonicalUrl,
    ampUrl: meta.ampUrl,
    title: meta.title,
    byline,
    authors: meta.authors.length ? meta.authors : splitAuthors(grabbed?.byline),
    publishedDateTime: meta.publishedDateTime,
    publishedTimeGuess: meta.publishedTimeGuess,
    modifiedDateTime: meta.modifiedDateTime,
    siteName: meta.siteName,
    language: meta.language,
    excerpt: meta.excerpt ?? firstParagraph,
    text,
    html: articleHtml,
    leadImage: meta.leadImage ?? contentImage,
    warnings,
  };
}
