import {
  AD_LINES,
  BREADCRUMB_HOME_WORDS,
  BYLINE_PREFIXES,
  COMMENT_LINES,
  COPYRIGHT_MARKERS,
  DATELINE_PREFIXES,
  MONTH_WORDS,
  NAV_LINES,
  PHOTO_PREFIXES,
  RELATED_HEADERS,
  SHARE_LINES,
  SOCIAL_NAMES,
  SUBSCRIBE_PREFIXES,
  TAG_PREFIXES,
  flattenLexicon,
} from './boilerplate-lexicon.js';

/** What one line (or paragraph) of page text is. Everything but `content` is boilerplate. */
export type LineKind =
  | 'content'
  | 'url'
  | 'comments'
  | 'share'
  | 'ad'
  | 'nav'
  | 'list-header'
  | 'related-link'
  | 'subscribe'
  | 'tags'
  | 'photo'
  | 'copyright'
  | 'breadcrumb'
  | 'byline'
  | 'dateline';

const HOME = flattenLexicon(BREADCRUMB_HOME_WORDS);
const SHARE = flattenLexicon(SHARE_LINES);
const SOCIAL = new Set(SOCIAL_NAMES);
const COMMENTS = flattenLexicon(COMMENT_LINES);
const RELATED = flattenLexicon(RELATED_HEADERS);
const ADS = flattenLexicon(AD_LINES);
const NAV = flattenLexicon(NAV_LINES);
const SUBSCRIBE = [...flattenLexicon(SUBSCRIBE_PREFIXES)];
const TAGS = flattenLexicon(TAG_PREFIXES);
const PHOTO = flattenLexicon(PHOTO_PREFIXES);
const COPYRIGHT = [...flattenLexicon(COPYRIGHT_MARKERS)];
const BYLINE = flattenLexicon(BYLINE_PREFIXES);
const DATELINE = flattenLexicon(DATELINE_PREFIXES);
const MONTHS = flattenLexicon(MONTH_WORDS);

/** Boilerplate lines are short; a longer line is always content (and costs no regex time). */
const MAX_BOILERPLATE_CHARS = 300;

/**
 * Lower case, NFKC, no surrounding punctuation or symbols, single spaces: the form the lexicon
 * is written in. Drops the combining dot that lower-casing Turkish "İ" leaves behind.
 */
export function normaliseKey(line: string): string {
  return line
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u0307/g, '')
    .replace(/[’‘`´]/g, "'")
    .replace(/^[^\p{L}\p{N}#]+|[^\p{L}\p{N}]+$/gu, '')
    .replace(/\s+/g, ' ');
}

/** Classifies one line or paragraph of page text. Pure; the lists live in the lexicon. */
export function classifyLine(line: string): LineKind {
  const raw = line.trim();
  if (!raw || raw.length > MAX_BOILERPLATE_CHARS) return 'content';
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(raw)) return 'url';
  const key = normaliseKey(raw);
  if (!key) return 'content';
  // "Comments (12)", "12 Yorum": the count does not matter.
  const bare = /\d/.test(key) ? normaliseKey(key.replace(/\d+/g, ' ')) : key;
  if (COMMENTS.has(bare)) return 'comments';
  if (SHARE.has(key) || (key.length <= 100 && isSocialBar(key))) return 'share';
  if (ADS.has(key)) return 'ad';
  if (NAV.has(key)) return 'nav';
  if (RELATED.has(key) || TAGS.has(key)) return 'list-header';
  const labelled = /^([^:：]{2,40}?)\s*[:：]\s*(\S.*)$/u.exec(key);
  if (labelled?.[1] !== undefined) {
    const label = labelled[1];
    if (RELATED.has(label)) return 'related-link';
    if (TAGS.has(label)) return 'tags';
    if (PHOTO.has(label)) return 'photo';
  }
  if (SUBSCRIBE.some((p) => key === p || key.startsWith(`${p} `))) return 'subscribe';
  if (raw.includes('#') && isHashtagList(raw)) return 'tags';
  if (/^(?:photo|image|picture|foto|bild|фото) (?:by|credit|von|de|par)\b/u.test(key)) return 'photo';
  if (isCopyright(raw, key)) return 'copyright';
  if (raw.length <= 200 && /[/>›»→|\\]|&gt;/u.test(raw) && isBreadcrumb(raw)) return 'breadcrumb';
  if (raw.length <= 90 && isByline(raw, key)) return 'byline';
  if (key.length <= 80 && isDateline(key)) return 'dateline';
  return 'content';
}

/** "Facebook Twitter WhatsApp", "Share: Facebook | X": only share words and network names. */
function isSocialBar(key: string): boolean {
  const words = key.split(/[\s|,·•/:]+/u).filter(Boolean);
  if (words.length === 0 || words.length > 12) return false;
  if (words.length === 1) return SOCIAL.has(words[0] ?? '') && (words[0] ?? '').length > 1;
  return words.every((w) => SOCIAL.has(w) || SHARE.has(w) || w === 'on' || w === 'en' || w === 'auf');
}

/** "#ai #meta #business": two or more hashtags and nothing else. */
function isHashtagList(raw: string): boolean {
  const words = raw.split(/[\s,]+/).filter(Boolean);
  return words.length >= 2 && words.every((w) => /^#[\p{L}\p{N}_]+$/u.test(w));
}

function isCopyright(raw: string, key: string): boolean {
  if (raw.length > 250) return false;
  if (/^(?:©|\(c\)|copyright\b)/iu.test(raw)) return true;
  if (raw.includes('©')) return raw.length <= 160;
  return COPYRIGHT.some((marker) => key.includes(marker));
}

/** Separators of breadcrumb trails: / > › » → | and backslash. */
const CRUMB_SPLIT = /\s*(?:[/>›»→|\\]|&gt;)+\s*/u;

/**
 * "Home / News / Tech", "Ana sayfa / News", "Inicio > Tecnología", "Accueil › Actualités".
 * Two segments need a home word first; three or more short segments are a trail on their own.
 */
export function isBreadcrumb(raw: string): boolean {
  if (raw.length > 200) return false;
  const segments = raw.split(CRUMB_SPLIT).map((s) => s.trim());
  if (segments.length < 2 || segments.some((s) => !s || !/\p{L}/u.test(s))) return false;
  const words = (s: string): number => s.split(/\s+/).length;
  const homeFirst = HOME.has(normaliseKey(segments[0] ?? ''));
  const inner = homeFirst ? segments.slice(0, -1) : segments;
  const last = segments[segments.length - 1] ?? '';
  // With a home word the last crumb may be the page's own (long) title.
  if (homeFirst) return inner.every((s) => words(s) <= 5 && s.length <= 40) && words(last) <= 25;
  const spaced = /\s(?:[/>›»→|\\]|&gt;)+\s/u.test(raw) || /[>›»→]/u.test(raw);
  return (
    segments.length >= 3 &&
    spaced &&
    segments.every((s) => words(s) <= 3 && s.length <= 30 && !/[.!?]$/u.test(s))
  );
}

/** Name particles that stay lower case inside a byline. */
const NAME_PARTICLES = new Set([
  'and',
  'und',
  'y',
  'et',
  'и',
  've',
  'de',
  'del',
  'van',
  'von',
  'der',
  'da',
  'di',
  'la',
  'le',
]);

/** "By Jane Roe", "Por Ana Gil y Luis Mar", "Yazar: Deniz Kaya", "Автор: Иван Петров". */
function isByline(raw: string, key: string): boolean {
  if (raw.length > 90) return false;
  const keyWords = key.split(' ');
  const labelWords = [2, 1].find((n) =>
    BYLINE.has(
      keyWords
        .slice(0, n)
        .join(' ')
        .replace(/[:：]$/u, ''),
    ),
  );
  if (labelWords === undefined) return false;
  const rawWords = raw.split(/\s+/);
  const colon = /[:：]/u.test(rawWords[labelWords - 1] ?? '') || /^[:：]/u.test(rawWords[labelWords] ?? '');
  const rest = rawWords
    .slice(labelWords)
    .join(' ')
    .replace(/^[:：]\s*/u, '');
  const names = rest.split(/[\s,]+/).filter(Boolean);
  if (names.length === 0 || names.length > 7 || (/[.!?]$/u.test(rest) && !/\b\p{Lu}\.$/u.test(rest)))
    return false;
  if (colon) return true;
  const capitalised = names.filter((w) => /^\p{Lu}/u.test(w)).length;
  const particles = names.filter((w) => NAME_PARTICLES.has(w.toLowerCase())).length;
  return capitalised >= 1 && capitalised + particles === names.length;
}

/** "12 March 2024, 09:30", "Salı, 12 Mart 2024", "Updated: 2024-03-12", "12.03.2024 - 14:05". */
function isDateline(key: string): boolean {
  if (key.length > 80 || !/\d/.test(key)) return false;
  const words = key.split(/[\s,]+/).filter(Boolean);
  if (words.length > 12) return false;
  const first = words.slice(0, 3).join(' ');
  if ([...DATELINE].some((p) => first === p || first.startsWith(`${p} `) || first.startsWith(`${p}:`)))
    return true;
  const numericDate = /\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/.test(key);
  let dateWords = 0;
  for (const w of words) {
    const bareWord = w.replace(/[^\p{L}\p{N}:./-]/gu, '');
    if (
      /^[\d:./-]+$/.test(bareWord) ||
      MONTHS.has(bareWord.replace(/\.$/, '')) ||
      /^(?:am|pm|utc|gmt)$/.test(bareWord)
    ) {
      dateWords++;
    }
  }
  const hasMonth = words.some((w) => MONTHS.has(w.replace(/[^\p{L}]/gu, '')));
  const other = words.length - dateWords;
  return (numericDate || (hasMonth && dateWords >= 2)) && other <= 2 && other < dateWords;
}
