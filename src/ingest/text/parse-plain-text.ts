import type { IncomingItem } from '../../core/article.js';
import { HeatwireError, toHeatwireError } from '../../core/errors.js';
import { NewsRecordSchema, describeZodError, type NewsRecord } from '../../core/record.js';
import { classifyLine, normaliseKey, type LineKind } from './classify-line.js';
import { contentStems } from './content-stems.js';
import { findHead } from './find-head.js';
import { findPromoParagraphs } from './find-promos.js';
import { findHosts, hostMatchesSite, inferDomain } from './infer-domain.js';
import { normaliseText, splitUnits } from './normalise-text.js';
import { titleFromFileName, titleFromText } from './fallback-title.js';

/** Options of `parsePlainText`. */
export interface PlainTextOptions {
  /** Name of the file the text came from; its words become the title when the text has none. */
  fileName?: string;
}

interface Unit {
  text: string;
  kind: LineKind;
}

/** An article body needs at least this many words in total. */
const MIN_ARTICLE_WORDS = 8;
/** Text read before a comment line for it to count as the footer (about two short paragraphs). */
const MIN_BODY_BEFORE_COMMENTS = 400;
/** A paragraph this long opens the body on its own; a shorter one needs a body neighbour. */
const LONG_PARAGRAPH_WORDS = 40;
const BODY_LOOKAHEAD = 4;
/** Opening paragraphs the headline is compared with. */
const LEAD_PARAGRAPHS = 3;
/** How much of the footer is searched for the site URL. */
const FOOTER_SCAN_CHARS = 20_000;

/**
 * Reads raw page text (site name, title, breadcrumbs, paragraphs, promos, share and comment
 * footers) into an IncomingItem: the record `{category: 'news', title, type: 'article',
 * provider}` with only the fields the text shows, and the article paragraphs joined by blank
 * lines as `text`. Throws HeatwireError TEXT_NO_ARTICLE when no article can be found (and
 * INPUT_BINARY for NUL bytes); never any other kind of error.
 *
 * @example
 * parsePlainText('Example.com\n\nRates rise again\n\nThe central bank raised …', 'a.txt')
 * // → {record: {category: 'news', title: 'Rates rise again', type: 'article',
 * //     provider: {name: 'Example.com', domain: 'example.com'}}, text: 'The central bank …'}
 */
export function parsePlainText(text: string, origin: string, options: PlainTextOptions = {}): IncomingItem {
  try {
    return parse(text, origin, options);
  } catch (err) {
    throw toHeatwireError(err, origin);
  }
}

function parse(text: string, origin: string, options: PlainTextOptions): IncomingItem {
  if (typeof text !== 'string' || !text.trim()) {
    throw new HeatwireError('TEXT_NO_ARTICLE', 'the text is empty', { input: origin });
  }
  const lines = normaliseText(text, origin);
  const units: Unit[] = splitUnits(
    lines,
    (line) => line.length < 120 && classifyLine(line) !== 'content',
  ).map((t) => ({ text: t, kind: classifyLine(t) }));
  const start = findBodyStart(units);
  if (start < 0)
    throw new HeatwireError('TEXT_NO_ARTICLE', 'no paragraph of running text', { input: origin });

  const { body, notices, footer } = collectBody(units, start);
  const headLines = units
    .slice(0, start)
    .filter((u) => u.kind === 'content')
    .map((u) => u.text);
  const head = findHead(headLines, {
    // The headline announces the lead: compare head lines with the opening paragraphs.
    bodyStems: contentStems(body.slice(0, LEAD_PARAGRAPHS).join('\n')),
    // A site name is confirmed by the article or a copyright notice naming it, not by menus.
    elsewhere: `${body.join('\n')}\n${notices.join('\n')}`,
  });

  const echo = new Set([head.title, head.siteName].filter((s) => s !== undefined).map(normaliseKey));
  const paragraphs = trimTrailing([...head.standfirst, ...body.filter((p) => !echo.has(normaliseKey(p)))]);
  const title = head.title ?? titleFromFileName(options.fileName) ?? titleFromText(paragraphs[0] ?? '');
  const promos = findPromoParagraphs(paragraphs, title);
  const kept = paragraphs.filter((_, i) => !promos.has(i));
  const articleText = kept.join('\n\n');
  if (kept.length === 0 || articleText.split(/\s+/).length < MIN_ARTICLE_WORDS || !title) {
    throw new HeatwireError('TEXT_NO_ARTICLE', 'too little running text', { input: origin });
  }

  const record: NewsRecord = { category: 'news', title, type: 'article' };
  const provider = findProvider(head.siteName, footer.join('\n'));
  if (provider) record.provider = provider;
  const checked = NewsRecordSchema.safeParse(record);
  if (!checked.success)
    throw new HeatwireError('INTERNAL', describeZodError(checked.error), { input: origin });
  return { record, text: articleText, origin };
}

/**
 * Walks the units from the first body paragraph: keeps content, drops boilerplate, skips the
 * headline list under a "Related" header, and stops at a comment footer (or at a share footer
 * in the second half of the text). Returns the kept paragraphs, the copyright notices, and the
 * footer (everything after the last kept paragraph) where a site URL may be.
 */
function collectBody(
  units: readonly Unit[],
  start: number,
): { body: string[]; notices: string[]; footer: string[] } {
  const contentAfter: number[] = new Array<number>(units.length + 1).fill(0);
  for (let i = units.length - 1; i >= 0; i--) {
    const u = units[i];
    contentAfter[i] = (contentAfter[i + 1] ?? 0) + (u && u.kind === 'content' ? u.text.length : 0);
  }
  const body: string[] = [];
  let lastKept = start;
  let bodyChars = 0;
  let inList = false;
  let cut = units.length;
  for (let i = start; i < units.length; i++) {
    const u = units[i];
    if (!u) continue;
    // A comment or share line ends the article only once most of it has been read: near the
    // top it is a widget ("Comments (32)" under the byline), not the footer.
    const after = contentAfter[i + 1] ?? 0;
    const footerReached =
      bodyChars >= after || (u.kind === 'comments' && bodyChars >= MIN_BODY_BEFORE_COMMENTS);
    if ((u.kind === 'comments' || u.kind === 'share') && footerReached) {
      cut = i;
      break;
    }
    if (u.kind === 'list-header') inList = true;
    if (u.kind !== 'content') continue;
    // Under a "Related"/"Tags" header, short headline-like lines are the list; prose ends it.
    if (inList && !isBodyParagraph(u.text)) continue;
    inList = false;
    body.push(u.text);
    bodyChars += u.text.length;
    lastKept = i;
  }
  const rest = units.slice(cut).map((u) => u.text);
  const footer = [...units.slice(lastKept + 1, cut).map((u) => u.text), ...rest];
  const notices = units
    .slice(start)
    .filter((u) => u.kind === 'copyright')
    .map((u) => u.text);
  return { body, notices, footer };
}

/**
 * The first unit of the article body: a paragraph of running text that is long or soon
 * followed by another one. A lone sentence among menus (a cookie note, an affiliate line that
 * stands alone) does not open the body.
 */
function findBodyStart(units: readonly Unit[]): number {
  const isBody = units.map((u) => u.kind === 'content' && isBodyParagraph(u.text));
  const first = isBody.indexOf(true);
  for (let i = first; i >= 0 && i < units.length; i++) {
    if (!isBody[i]) continue;
    const words = units[i]?.text.split(/\s+/).length ?? 0;
    if (words >= LONG_PARAGRAPH_WORDS || isBody.slice(i + 1, i + 1 + BODY_LOOKAHEAD).includes(true)) return i;
  }
  return first;
}

/** Running text, not a heading: a long paragraph, or a full sentence of some length. */
export function isBodyParagraph(text: string): boolean {
  const words = text.split(/\s+/).filter(Boolean).length;
  if (words >= 25) return true;
  // A headline may end with "?" or "!", rarely with a period (closing quotes may follow).
  if (words >= 8 && /[.…。]["'”’»)\]]*$/u.test(text)) return true;
  return words >= 20 && /[!?]["'”’»)\]]*$/u.test(text);
}

/** Drops trailing short non-sentences (a bio name, a section label) left after the article. */
function trimTrailing(paragraphs: string[]): string[] {
  let end = paragraphs.length;
  while (end > 1) {
    const last = paragraphs[end - 1] ?? '';
    if (isBodyParagraph(last) || /[.!?…]["'”’»)\]]*$/u.test(last)) break;
    end--;
  }
  return paragraphs.slice(0, end);
}

/** `{name, domain?}` from the site name, its domain or a matching URL in the footer. */
function findProvider(siteName: string | undefined, footer: string): NewsRecord['provider'] {
  // The footer can be a long comment thread: the site URL, if any, is near its start.
  const hosts = findHosts(footer.slice(0, FOOTER_SCAN_CHARS));
  if (!siteName) {
    // Without a name, one publisher URL in the footer is the only evidence; several are ambiguous.
    return hosts.length === 1 && hosts[0] ? { name: hosts[0], domain: hosts[0] } : undefined;
  }
  const domain = inferDomain(siteName) ?? hosts.find((h) => hostMatchesSite(h, siteName));
  return domain ? { name: siteName, domain } : { name: siteName };
}
