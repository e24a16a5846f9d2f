import { cloneTree, HElement, nextElement, setTag } from './dom.js';
import type { Budget } from './limits.js';
import { assemble, scoreParagraphs, wrapPage } from './choose-candidate.js';
import { prepArticle } from './prep-article.js';
import {
  hasAncestorTag,
  hasChildBlock,
  hasSingleTagInside,
  innerText,
  innerTextLength,
  isPhrasing,
  isProbablyVisible,
  isWhitespace,
  isWithoutContent,
  linkDensity,
  type PassFlags,
  RE,
  textSimilarity,
  UNLIKELY_ROLES,
} from './signals.js';

/**
 * The body scorer. It follows Mozilla Readability's `_grabArticle` (Apache-2.0): paragraphs
 * score their ancestors (commas, length), candidates are scaled by link density, the best one is
 * widened to its high-scoring siblings, and a pass that finds under 500 characters is re-run with
 * one heuristic relaxed. Differences: it runs on our compact DOM, and a byline found in the page
 * is reported rather than silently dropped.
 */

const TAGS_TO_SCORE = new Set(['section', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'pre']);
const EMPTY_REMOVABLE = new Set(['div', 'section', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const CHAR_THRESHOLD = 500;

/** What the scorer found. */
export interface GrabResult {
  /** `<div>` holding the article (one `div#readability-page-1` inside). */
  content: HElement;
  /** A byline element's text, when the page had one and no metadata byline was known. */
  byline: string | null;
}


function isValidByline(el: HElement, matchString: string): boolean {
  const rel = el.getAttr('rel');
  const itemprop = el.getAttr('itemprop');
  if (!(rel === 'author' || (itemprop?.includes('author') ?? false) || RE.byline.test(matchString))) return false;
  const length = el.textContent.trim().length;
  return length > 0 && length < 100;
}


/**
 * Finds the article in `doc` (the `#document` root; its body is modified). `title` is the
 * metadata title (a heading repeating it is dropped); `knownByline` stops byline hunting.
 */
export function grabArticle(doc: HElement, body: HElement, title: string, knownByline: boolean, budget?: Budget): GrabResult | null {
  const flags: PassFlags = { stripUnlikelys: true, weightClasses: true, cleanConditionally: true };
  const pageCache = cloneTree(body);
  const attempts: Array<{ content: HElement; length: number }> = [];
  let byline: string | null = null;

  for (;;) {
    budget?.check('scoring');
    const toScore: HElement[] = [];
    const paragraphText = flags.stripUnlikelys ? paragraphLength(body) : 0;
    let removeTitleHeader = true;
    let node: HElement | null = doc.firstElementChild;
    while (node) {
      const matchString = `${node.className} ${node.id}`;
      if (!isProbablyVisible(node) || (node.getAttr('aria-modal') === 'true' && node.getAttr('role') === 'dialog')) {
        node = removeAndNext(node);
        continue;
      }
      if (!byline && !knownByline && isValidByline(node, matchString)) {
        byline = bylineText(node);
        node = removeAndNext(node);
        continue;
      }
      if (removeTitleHeader && (node.tag === 'h1' || node.tag === 'h2') && textSimilarity(title, innerText(node, false)) > 0.75) {
        removeTitleHeader = false;
        node = removeAndNext(node);
        continue;
      }
      if (flags.stripUnlikelys) {
        const unlikely =
          RE.unlikelyCandidates.test(matchString) &&
          !RE.okMaybeItsACandidate.test(matchString) &&
          !hasAncestorTag(node, 'table') &&
          !hasAncestorTag(node, 'code') &&
          node.tag !== 'body' &&
          node.tag !== 'a';
        if ((unlikely && !holdsArticle(node, matchString, paragraphText)) || UNLIKELY_ROLES.has(node.getAttr('role') ?? '')) {
          node = removeAndNext(node);
          continue;
        }
      }
      if (EMPTY_REMOVABLE.has(node.tag) && isWithoutContent(node)) {
        node = removeAndNext(node);
        continue;
      }
      if (TAGS_TO_SCORE.has(node.tag)) toScore.push(node);
      if (node.tag === 'div') node = divToParagraphs(node, toScore);
      node = nextElement(node);
    }

    const candidates = scoreParagraphs(toScore, flags);
    budget?.check('scoring');
    const { article, created } = assemble(body, candidates, flags);
    prepArticle(article, flags);
    wrapPage(article, created);
    const length = innerText(article, true).length;
    if (length >= CHAR_THRESHOLD) return { content: article, byline };

    attempts.push({ content: article, length });
    while (body.first) body.first.remove();
    for (const child of cloneTree(pageCache).childNodes) body.appendChild(child);
    if (flags.stripUnlikelys) flags.stripUnlikelys = false;
    else if (flags.weightClasses) flags.weightClasses = false;
    else if (flags.cleanConditionally) flags.cleanConditionally = false;
    else {
      attempts.sort((a, b) => b.length - a.length);
      const best = attempts[0]!;
      return best.length ? { content: best.content, byline } : null;
    }
  }
}

/** Text length of the substantial paragraphs (80+ characters) under `root`. */
function paragraphLength(root: HElement): number {
  let sum = 0;
  for (const p of root.findAll('p')) {
    const length = innerTextLength(p);
    if (length >= 80) sum += length;
  }
  return sum;
}

// Layout words: a wrapper named "above-footer" or "page-header-wrap" can still hold the article.
const LAYOUT_WORDS = /header|footer|menu|extra|banner|cover-wrap/gi;

/**
 * An "unlikely" element that is kept anyway: matched only through layout words, and holding at
 * least half of the page's paragraph text (1000+ characters). Readability would strip it and
 * keep whatever small block is left.
 */
function holdsArticle(node: HElement, matchString: string, pageParagraphs: number): boolean {
  if (RE.unlikelyCandidates.test(matchString.replace(LAYOUT_WORDS, ' '))) return false;
  const own = paragraphLength(node);
  return own >= 1000 && own >= pageParagraphs * 0.5;
}

function removeAndNext(node: HElement): HElement | null {
  const next = nextElement(node, true);
  node.remove();
  return next;
}

/** Text of a byline element, preferring a descendant marked `itemprop=name`. */
function bylineText(node: HElement): string {
  const end = nextElement(node, true);
  for (let next = nextElement(node); next && next !== end; next = nextElement(next)) {
    if (next.getAttr('itemprop')?.includes('name')) return next.textContent.trim();
  }
  return node.textContent.trim();
}

/**
 * Wraps runs of phrasing content in a `<div>` into `<p>`s; a div that is just one paragraph
 * becomes it, a div without block children becomes a `<p>`. Returns the node to continue from.
 */
function divToParagraphs(div: HElement, toScore: HElement[]): HElement {
  let p: HElement | null = null;
  for (let child = div.first; child; ) {
    const next = child.next;
    if (isPhrasing(child)) {
      if (p) p.appendChild(child);
      else if (!isWhitespace(child)) {
        p = new HElement('p');
        div.insertBefore(p, child);
        p.appendChild(child);
      }
    } else if (p) {
      while (p.last && isWhitespace(p.last)) p.last.remove();
      p = null;
    }
    child = next;
  }
  if (hasSingleTagInside(div, 'p') && linkDensity(div) < 0.25) {
    const only = div.firstElementChild!;
    div.replaceWith(only);
    toScore.push(only);
    return only;
  }
  if (!hasChildBlock(div)) {
    setTag(div, 'p');
    toScore.push(div);
  }
  return div;
}
