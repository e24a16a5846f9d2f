import { flattenLexicon } from './boilerplate-lexicon.js';
import { normaliseKey } from './classify-line.js';
import { contentStems, overlapRatio } from './content-stems.js';
import { inferDomain } from './infer-domain.js';
import { SITE_BRAND_WORDS } from './site-lexicon.js';

const BRANDS = flattenLexicon(SITE_BRAND_WORDS);

/** The head of a page text: who published it and its headline. */
export interface Head {
  siteName?: string;
  title?: string;
  /** Head lines after the title that read like a standfirst; they open the article text. */
  standfirst: string[];
}

/** What else the document says, to weigh head lines against. */
export interface HeadContext {
  /** Stems of the article body, to prefer the headline that the body is about. */
  bodyStems: ReadonlySet<string>;
  /** All text outside the head (body, footer, dropped lines), to spot a repeated site name. */
  elsewhere: string;
}

/** Head lines at the top and at the bottom (next to the body) that may hold the site name. */
const HEAD_EDGE = 3;
/** Lower-case words allowed inside a name ("Diario del Valle", "Le Matin du Lac"). */
const NAME_PARTICLES = new Set([
  'of',
  'the',
  'and',
  'for',
  'on',
  'de',
  'del',
  'la',
  'le',
  'du',
  'des',
  'da',
  'di',
  'von',
  'der',
  'und',
  'y',
  'et',
  've',
  'и',
  '&',
  '-',
  '–',
  '|',
  'el',
  'los',
  'las',
  'les',
  'en',
]);
/** Score a line needs to be taken as the site name. */
const SITE_THRESHOLD = 2;
/** "Title | Site" separators; a hyphen only with a spaced form, never inside a word. */
const TITLE_SITE_SEPARATORS = [' | ', ' – ', ' — ', ' - ', ' :: ', ' · ', ' // ', ' • '];
/** Separators common enough in "Title | Site" that a short capitalised part is taken as a site. */
const STRONG_SEPARATORS = new Set([' | ', ' :: ', ' // ']);

/**
 * Finds the site name and the title among the head lines (the content lines before the first
 * body paragraph, boilerplate removed). Handles "Site / Title", "Title / Site", title only, and
 * one-line "Title | Site", "Title - Site", "Site | Title" forms.
 */
export function findHead(lines: readonly string[], context: HeadContext): Head {
  const head = lines.map(stripMarkup).filter((l) => l.length > 0);
  // In a long head (a page's menus copied along), only lines at its edges — where the logo and
  // the headline are — or naming a domain may be the site.
  const nearEdge = (i: number): boolean => i < HEAD_EDGE || i >= head.length - HEAD_EDGE;
  const siteScores = head.map((line, i) =>
    nearEdge(i) || inferDomain(line) ? scoreSite(line, i, context.elsewhere) : 0,
  );
  const pairs = head.map((line) => splitTitleSite(line, context.elsewhere));

  let siteIndex = -1;
  head.forEach((_, i) => {
    if (pairs[i]) return;
    if (
      (siteScores[i] ?? 0) >= SITE_THRESHOLD &&
      (siteIndex < 0 || (siteScores[i] ?? 0) > (siteScores[siteIndex] ?? 0))
    ) {
      siteIndex = i;
    }
  });
  let siteName = siteIndex >= 0 ? head[siteIndex] : undefined;

  let titleIndex = -1;
  let bestTitle = -Infinity;
  head.forEach((line, i) => {
    if (i === siteIndex) return;
    const candidate = pairs[i]?.title ?? line;
    // Distance from the body, not from the top: menus and taglines come first, the headline last.
    const score = scoreTitle(candidate, head.length - 1 - i, context.bodyStems);
    if (score > bestTitle) [bestTitle, titleIndex] = [score, i];
  });
  let title: string | undefined;
  if (titleIndex >= 0 && bestTitle > 0) {
    const pair = pairs[titleIndex];
    title = pair ? pair.title : head[titleIndex];
    if (pair && !siteName) siteName = pair.site;
  } else {
    titleIndex = -1;
  }
  // Lines after the headline that are real sentences form the standfirst; lines before it are
  // page chrome (taglines, menus) and are dropped.
  const standfirst = head.filter(
    (line, i) => i > Math.max(titleIndex, siteIndex) && i !== siteIndex && wordCount(line) >= 6,
  );
  return { ...(siteName ? { siteName } : {}), ...(title ? { title } : {}), standfirst };
}

/**
 * How much a short line looks like a site name: a domain inside it, a brand word beside a name
 * ("Daily", "Haber", "Zeitung"), being repeated elsewhere, being the first line.
 */
export function scoreSite(line: string, index: number, elsewhere: string): number {
  const words = line.split(/\s+/);
  if (words.length > 6 || line.length > 60 || !/\p{L}/u.test(line)) return 0;
  let score = 0;
  const domain = inferDomain(line);
  if (domain) score += 3;
  else if (/[.!?:;,]$/u.test(line)) return 0;
  const key = normaliseKey(line);
  const keyWords = key.split(/[\s.]+/);
  const brand =
    keyWords.some((w) => BRANDS.has(w)) || [...BRANDS].some((b) => b.includes(' ') && key.includes(b));
  // A name is written like one: every word capitalised but for particles ("Daily or weekly
  // updates" is a menu entry, "Diario del Valle" a name).
  const nameLike = words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || NAME_PARTICLES.has(w));
  if (brand && nameLike && words.length >= 2 && words.length <= 5) score += 2;
  if (nameLike && line.length >= 3 && elsewhere.includes(line)) score += 1.5;
  if (index === 0) score += 0.5;
  if (words.length <= 4) score += 0.25;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) score -= 1;
  return score;
}

/** "Title | Site" → {title, site}; undefined when no side of a separator looks like a site. */
export function splitTitleSite(line: string, elsewhere: string): { title: string; site: string } | undefined {
  for (const sep of TITLE_SITE_SEPARATORS) {
    const last = line.lastIndexOf(sep);
    if (last > 0) {
      const title = line.slice(0, last).trim();
      const site = line.slice(last + sep.length).trim();
      if (wordCount(title) >= 3 && isSiteSide(site, sep, elsewhere)) return { title, site };
    }
    const first = line.indexOf(sep);
    if (first > 0) {
      const site = line.slice(0, first).trim();
      const title = line.slice(first + sep.length).trim();
      // "Site | Title" needs real site evidence: a capitalised first part is often a kicker.
      if (wordCount(title) >= 3 && scoreSite(site, 1, elsewhere) >= SITE_THRESHOLD) return { title, site };
    }
  }
  return undefined;
}

function isSiteSide(part: string, sep: string, elsewhere: string): boolean {
  if (scoreSite(part, 1, elsewhere) >= SITE_THRESHOLD) return true;
  const words = part.split(/\s+/);
  return (
    STRONG_SEPARATORS.has(sep) && words.length <= 4 && /^[\p{Lu}\p{N}]/u.test(part) && !/[.!?]$/u.test(part)
  );
}

/**
 * How much a line looks like the headline: a few words to a long sentence, no final period,
 * about what the body is about, close to the body (`distance` = head lines between them).
 */
export function scoreTitle(line: string, distance: number, bodyStems: ReadonlySet<string>): number {
  const words = wordCount(line);
  const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(line);
  if ((words < 2 && !(cjk && line.length >= 4)) || words > 40 || line.length > 250) return 0;
  if (!/\p{L}/u.test(line) || (/[.;,:]$/u.test(line) && !/\.\.\.$|…$/u.test(line))) return 0;
  let score = 1;
  if (words >= 4 && words <= 25) score += 1;
  score += 2 * overlapRatio(contentStems(line), bodyStems);
  score -= Math.min(1, 0.03 * distance);
  return score;
}

function stripMarkup(line: string): string {
  // Markdown ATX headings ("# Title") and emphasis around a whole line (CommonMark §4.2).
  return line
    .replace(/^#{1,6}\s+/, '')
    .replace(/^([*_]{1,2})(.+)\1$/u, '$2')
    .trim();
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
