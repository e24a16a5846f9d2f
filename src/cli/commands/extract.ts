import { extractArticle } from '../../extract/extract-article.js';
import { decodeInput } from '../../ingest/read-input.js';
import type { GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { inspectInputs, str } from './inspect-inputs.js';

/** `heatwire extract FILE|URL… --json`: extraction only, no store (DESIGN.md §6). */
export function runExtract(inputs: string[], global: GlobalOptions, io: CliIo): Promise<number> {
  return inspectInputs(
    inputs,
    io,
    global.json === true,
    ({ input, bytes, url }) => extractFields(decodeInput(bytes, input), url),
    (r) => `${str(r.input)}\n  ${str(r.title)} — ${str(r.siteName)} ${publishedLabel(r)}\n  ${str(r.text).length} characters of text\n`,
  );
}

/** The declared date, else the inferred one marked "(guess from time|url|…)". */
function publishedLabel(r: Record<string, unknown>): string {
  const guess = r.publishedTimeGuess as { value: string; source: string } | null | undefined;
  return str(r.publishedDateTime) || (guess ? `${guess.value} (guess from ${guess.source})` : '');
}

/**
 * The DESIGN.md §6 extract fields of one page (plus canonical/AMP URLs, authors, warnings, and
 * `publishedTimeGuess`: a date only inferred, when the page declares none — see docs/extraction.md).
 */
export function extractFields(html: string, url?: string): Record<string, unknown> {
  const a = extractArticle(html, { url });
  return {
    url: a.url,
    title: a.title,
    byline: a.byline,
    publishedDateTime: a.publishedDateTime,
    publishedTimeGuess: a.publishedTimeGuess,
    siteName: a.siteName,
    language: a.language,
    excerpt: a.excerpt,
    text: a.text,
    html: a.html,
    leadImage: a.leadImage,
    canonicalUrl: a.canonicalUrl,
    ampUrl: a.ampUrl,
    authors: a.authors,
    modifiedDateTime: a.modifiedDateTime,
    warnings: a.warnings,
  };
}
