/**
 * Article extraction: HTML page → metadata and main text (sanitised HTML and plain text).
 * See docs/extraction.md. The CLI's `heatwire extract` maps `ExtractedArticle` to its JSON line.
 */
export {
  extractArticle,
  ExtractedArticleSchema,
  LeadImageSchema,
  PublishedTimeGuessSchema,
  resolveLimits,
  resolvePublishedDate,
} from './extract-article.js';
export type { ExtractedArticle, ExtractOptions } from './extract-article.js';
export type { PublishedTimeGuess, PublishedTimeGuessSource } from './metadata.js';
export { createExtractWorker, extractInSubprocess } from './extract-in-subprocess.js';
export type { ExtractWorker, ExtractWorkerOptions } from './extract-in-subprocess.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ExtractLimits } from './limits.js';
export { dateFromUrl, normalizeDate } from './dates.js';
export { htmlToText } from './html-output.js';
export { sanitizeArticleHtml } from './sanitize-article.js';
export { checkSnippets, normalizeForMatch, scorePage, summarizeScores, tokenize } from './quality-metrics.js';
