import { type HElement, type HNode, walk } from './dom.js';

/**
 * Content signals shared by the scorer and the cleaners: text length, link density, class/id
 * hints, phrasing content. The class/id patterns and weights follow Mozilla Readability
 * (Apache-2.0, `Readability.js` 0.6) so that scores stay comparable with the usual reader view.
 */

/** Which heuristics are on for one scoring pass (relaxed one by one when a pass finds too little). */
export interface PassFlags {
  stripUnlikelys: boolean;
  weightClasses: boolean;
  cleanConditionally: boolean;
}

/** Class/id and text patterns (Readability's, plus the comma variants of other scripts). */
export const RE = {
  unlikelyCandidates:
    /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote/i,
  okMaybeItsACandidate: /and|article|body|column|content|main|shadow/i,
  positive: /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story/i,
  negative:
    /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget/i,
  byline: /byline|author|dateline|writtenby|p-author/i,
  videos:
    /\/\/(www\.)?((dailymotion|youtube|youtube-nocookie|player\.vimeo|v\.qq)\.com|(archive|upload\.wikimedia)\.org|player\.twitch\.tv)/i,
  shareElements: /(\b|_)(share|sharedaddy)(\b|_)/i,
  // Commas of Latin, Arabic, CJK and other scripts (https://en.wikipedia.org/wiki/Comma#Comma_variants).
  commas: /\u002C|\u060C|\uFE50|\uFE10|\uFE11|\u2E41|\u2E34|\u2E32|\uFF0C/g,
  adWords: /^(ad(vertising|vertisement)?|pub(licité)?|werb(ung)?|广告|Реклама|Anuncio)$/iu,
  loadingWords: /^((loading|正在加载|Загрузка|chargement|cargando)(…|\.\.\.)?)$/iu,
  hashUrl: /^#.+/,
  hasContent: /\S$/,
} as const;

/** ARIA roles of blocks that are never the article (WAI-ARIA 1.2 landmark and widget roles). */
export const UNLIKELY_ROLES = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);
/** Block children that stop a `<div>` from being read as a paragraph. */
export const DIV_TO_P_ELEMS = new Set(['blockquote', 'dl', 'div', 'img', 'ol', 'p', 'pre', 'table', 'ul']);
const PHRASING = new Set([
  'abbr', 'audio', 'b', 'bdo', 'br', 'button', 'cite', 'code', 'data', 'datalist', 'dfn', 'em', 'embed', 'i',
  'img', 'input', 'kbd', 'label', 'mark', 'math', 'meter', 'noscript', 'object', 'output', 'progress', 'q',
  'ruby', 'samp', 'script', 'select', 'small', 'span', 'strong', 'sub', 'sup', 'textarea', 'time', 'var', 'wbr',
]);

/**
 * Every whitespace run to one space, like `s.replace(/\s+/g, ' ')`, but matching only runs that
 * are not already a single space: on a long text the plain form makes a million replacements
 * (about a second for 5 MB), this one a handful.
 */
export function collapseWhitespace(s: string): string {
  return s.replace(/\s{2,}|[^\S ]/g, ' ');
}

/** textContent trimmed, runs of 2+ whitespace collapsed to one space (Readability's inner text). */
export function innerText(el: HElement, normalize = true): string {
  const text = el.textContent.trim();
  return normalize ? text.replace(/\s{2,}/g, ' ') : text;
}

/** `innerText(el).length`, cached until the tree changes. */
export function innerTextLength(el: HElement): number {
  return el.cachedTextLength(() => innerText(el).length);
}

/** Share of the text that sits inside links (in-page `#` links count 30%). */
export function linkDensity(el: HElement): number {
  const total = innerTextLength(el);
  if (total === 0) return 0;
  let linked = 0;
  for (const a of el.findAll('a')) {
    const href = a.getAttr('href');
    linked += innerTextLength(a) * (href && RE.hashUrl.test(href) ? 0.3 : 1);
  }
  return linked / total;
}

/** ±25 per positive/negative hint in class and id; 0 when class weighting is off for this pass. */
export function classWeight(el: HElement, flags: PassFlags): number {
  if (!flags.weightClasses) return 0;
  let weight = 0;
  for (const value of [el.className, el.id]) {
    if (!value) continue;
    if (RE.negative.test(value)) weight -= 25;
    if (RE.positive.test(value)) weight += 25;
  }
  return weight;
}

/** Phrasing content (HTML §3.2.5.2.5): text, inline elements, and links made only of those. */
export function isPhrasing(node: HNode): boolean {
  if (!node.isElement) return true;
  if (PHRASING.has(node.tag)) return true;
  if (node.tag === 'a' || node.tag === 'del' || node.tag === 'ins') {
    for (let c = node.first; c; c = c.next) if (!isPhrasing(c)) return false;
    return true;
  }
  return false;
}

/** Whitespace-only text, or a `<br>`. */
export function isWhitespace(node: HNode): boolean {
  return node.isElement ? node.tag === 'br' : node.data.trim().length === 0;
}

/** Exactly one element child, with tag `tag`, and no non-blank text beside it. */
export function hasSingleTagInside(el: HElement, tag: string): boolean {
  let only: HElement | null = null;
  for (let n = el.first; n; n = n.next) {
    if (n.isElement) {
      if (only) return false;
      only = n;
    } else if (RE.hasContent.test(n.data)) {
      return false;
    }
  }
  return only !== null && only.tag === tag;
}

/** No text and no children other than `<br>`/`<hr>`. */
export function isWithoutContent(el: HElement): boolean {
  if (hasText(el)) return false;
  const children = el.childElementCount;
  return children === 0 || children === el.findAll('br').length + el.findAll('hr').length;
}

/** Whether any descendant text node has a non-whitespace character (stops at the first). */
export function hasText(el: HElement): boolean {
  let found = false;
  walk(el, (n) => {
    if (found) return false;
    if (!n.isElement && /\S/.test(n.data)) found = true;
    return !found;
  });
  return found;
}

/** Whether any descendant is a block that a `<div>` must not be turned into `<p>` over. */
export function hasChildBlock(el: HElement): boolean {
  let found = false;
  walk(el, (n) => {
    if (found) return false;
    if (n !== el && n.isElement && DIV_TO_P_ELEMS.has(n.tag)) found = true;
    return !found;
  });
  return found;
}

/** Is there an ancestor with `tag` within `maxDepth` levels (≤ 0: any depth) that passes `filter`? */
export function hasAncestorTag(
  el: HElement,
  tag: string,
  maxDepth = 3,
  filter?: (ancestor: HElement) => boolean,
): boolean {
  let depth = 0;
  for (let node: HElement | null = el; node.parent; node = node.parent) {
    if (maxDepth > 0 && depth > maxDepth) return false;
    if (node.parent.tag === tag && (!filter || filter(node.parent))) return true;
    depth++;
  }
  return false;
}

/** Share of the text that sits in descendants with one of `tags`. */
export function textDensity(el: HElement, tags: ReadonlySet<string>): number {
  const total = innerTextLength(el);
  if (total === 0) return 0;
  let inside = 0;
  for (const child of el.findAll(tags)) inside += innerTextLength(child);
  return inside / total;
}

/**
 * Token overlap of two texts: 1 − (length of B's tokens absent from A) / (length of B). Used to
 * spot a heading that repeats the title.
 */
export function textSimilarity(a: string, b: string): number {
  const tokensA = a.toLowerCase().split(/\W+/g).filter(Boolean);
  const tokensB = b.toLowerCase().split(/\W+/g).filter(Boolean);
  if (!tokensA.length || !tokensB.length) return 0;
  const setA = new Set(tokensA);
  const uniqueB = tokensB.filter((t) => !setA.has(t));
  return 1 - uniqueB.join(' ').length / tokensB.join(' ').length;
}

/** Not hidden by inline style, `hidden`, or `aria-hidden` (except Wikimedia math fallbacks). */
export function isProbablyVisible(el: HElement): boolean {
  const style = el.getAttr('style');
  if (style && /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)\s*(!important\s*)?(;|$)/i.test(style)) return false;
  if (el.hasAttr('hidden')) return false;
  return el.getAttr('aria-hidden') !== 'true' || el.className.includes('fallback-image');
}
