import { cloneTree, HElement, nextElement, setTag } from './dom.js';
import type { Budget } from './limits.js';
import { prepArticle } from './prep-article.js';
import {
  classWeight,
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
const KEEP_TAG_WHEN_APPENDED = new Set(['div', 'article', 'section', 'p', 'ol', 'ul']);
const TOP_CANDIDATES = 5;
const CHAR_THRESHOLD = 500;

/** What the scorer found. */
export interface GrabResult {
  /** `<div>` holding the article (one `div#readability-page-1` inside). */
  content: HElement;
  /** A byline element's text, when the page had one and no metadata byline was known. */
  byline: string | null;
}

/** Initial candidate score: by tag, plus class/id hints. */
function initialize(el: HElement, flags: PassFlags): void {
  let score = 0;
  switch (el.tag) {
    case 'div':
      score = 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      score = 3;
      break;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      score = -3;
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      score = -5;
      break;
  }
  el.score = score + classWeight(el, flags);
}

function isValidByline(el: HElement, matchString: string): boolean {
  const rel = el.getAttr('rel');
  const itemprop = el.getAttr('itemprop');
  if (!(rel === 'author' || (itemprop?.includes('author') ?? false) || RE.byline.test(matchString))) return false;
  const length = el.textContent.trim().length;
  return length > 0 && length < 100;
}

/** Element ancestors up to `max` levels (0: all), stopping below the document node. */
function ancestorsOf(el: HElement, max = 0): HElement[] {
  const out: HElement[] = [];
  for (let node = el.parent; node && node.tag !== '#document'; node = node.parent) {
    out.push(node);
    if (max && out.length === max) break;
  }
  return out;
}

const isBoundary = (el: HElement | null): boolean => !el || el.tag === 'body' || el.tag === 'html' || el.tag === '#document';

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

/** Scores each paragraph into its ancestors; returns the initialised candidates. */
function scoreParagraphs(toScore: HElement[], flags: PassFlags): HElement[] {
  const candidates: HElement[] = [];
  for (const el of toScore) {
    if (!el.parent || el.parent.tag === '#document') continue;
    const text = innerText(el);
    if (text.length < 25) continue;
    const ancestors = ancestorsOf(el, 5);
    if (!ancestors.length) continue;
    const score = 1 + text.split(RE.commas).length + Math.min(Math.floor(text.length / 100), 3);
    ancestors.forEach((ancestor, level) => {
      if (!ancestor.parent || ancestor.parent.tag === '#document') return;
      if (ancestor.score === undefined) {
        initialize(ancestor, flags);
        candidates.push(ancestor);
      }
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      ancestor.score! += score / divider;
    });
  }
  return candidates;
}

/** Picks the top candidate, widens it, and gathers it with its related siblings. */
function assemble(body: HElement, candidates: HElement[], flags: PassFlags): { article: HElement; created: HElement | null } {
  const top: HElement[] = [];
  for (const candidate of candidates) {
    candidate.score = candidate.score! * (1 - linkDensity(candidate));
    for (let t = 0; t < TOP_CANDIDATES; t++) {
      const other = top[t];
      if (!other || candidate.score > other.score!) {
        top.splice(t, 0, candidate);
        if (top.length > TOP_CANDIDATES) top.pop();
        break;
      }
    }
  }
  let best = top[0] ?? null;
  let created = false;
  if (!best || best.tag === 'body' || !best.parent || best.parent.tag === '#document') {
    best = new HElement('div');
    created = true;
    while (body.first) best.appendChild(body.first);
    body.appendChild(best);
    initialize(best, flags);
  } else {
    best = growToParagraphs(widen(best, top, flags), flags);
  }

  const article = new HElement('div');
  const threshold = Math.max(10, best.score! * 0.2);
  const parent = best.parent!;
  for (let sibling of parent.children) {
    let append = sibling === best;
    if (!append) {
      const bonus = sibling.className === best.className && best.className !== '' ? best.score! * 0.2 : 0;
      if (sibling.score !== undefined && sibling.score + bonus >= threshold) append = true;
      else if (sibling.tag === 'p') {
        const density = linkDensity(sibling);
        const text = innerText(sibling);
        if (text.length > 80 && density < 0.25) append = true;
        else if (text.length < 80 && text.length > 0 && density === 0 && text.search(/\.( |$)/) !== -1) append = true;
      }
    }
    if (!append) continue;
    if (!KEEP_TAG_WHEN_APPENDED.has(sibling.tag)) sibling = setTag(sibling, 'div');
    article.appendChild(sibling);
  }
  return { article, created: created ? best : null };
}

/** Marks the page container: the created one, or a new one around the gathered nodes. */
function wrapPage(article: HElement, created: HElement | null): void {
  const page = created ?? new HElement('div');
  page.setAttr('id', 'readability-page-1');
  page.setAttr('class', 'page');
  if (!created) {
    while (article.first) page.appendChild(article.first);
    article.appendChild(page);
  }
}

/** Length of the prose paragraphs under `root`: `<p>` of 40+ characters that are not mostly links. */
function proseLength(root: HElement): number {
  let sum = 0;
  for (const p of root.findAll('p')) {
    const length = innerTextLength(p);
    if (length >= 40 && linkDensity(p) < 0.3) sum += length;
  }
  return sum;
}

/**
 * Our addition to Readability's choice: when an ancestor (up to 5 levels, below body) holds
 * much more prose than the chosen node — at least 1.5× plus 300 characters — and is not
 * link-heavy, the article is that ancestor. This catches a comma-rich list or one section
 * outscoring the prose around it (an open letter's signatory table, one heading's section of a
 * post split into sections).
 */
function growToParagraphs(start: HElement, flags: PassFlags): HElement {
  // A form (newsletter box, comment form) that won is a failed pass, not a part of the article.
  if (start.tag === 'form' || hasAncestorTag(start, 'form', -1)) return start;
  let best = start;
  let prose = proseLength(best);
  let parent = best.parent;
  for (let level = 0; level < 5 && !isBoundary(parent); level++, parent = parent!.parent) {
    const grown = proseLength(parent!);
    if (grown >= prose * 1.5 + 300 && linkDensity(parent!) < 0.25) {
      best = parent!;
      prose = grown;
      level = -1; // look up to 5 levels above the new choice
    }
  }
  if (best.score === undefined) initialize(best, flags);
  return best;
}

/**
 * Moves from the best candidate up to an ancestor when several near-best candidates share it,
 * when an ancestor scores higher, or when the candidate is an only child.
 */
function widen(start: HElement, top: HElement[], flags: PassFlags): HElement {
  let best = start;
  const alternatives: HElement[][] = [];
  for (let i = 1; i < top.length; i++) {
    if (top[i]!.score! / best.score! >= 0.75) alternatives.push(ancestorsOf(top[i]!));
  }
  if (alternatives.length >= 3) {
    for (let parent = best.parent; !isBoundary(parent); parent = parent!.parent) {
      let lists = 0;
      for (let i = 0; i < alternatives.length && lists < 3; i++) if (alternatives[i]!.includes(parent!)) lists++;
      if (lists >= 3) {
        best = parent!;
        break;
      }
    }
  }
  if (best.score === undefined) initialize(best, flags);
  let lastScore = best.score!;
  const floor = lastScore / 3;
  for (let parent = best.parent; !isBoundary(parent); parent = parent!.parent) {
    if (parent!.score === undefined) continue;
    if (parent!.score < floor) break;
    if (parent!.score > lastScore) {
      best = parent!;
      break;
    }
    lastScore = parent!.score;
  }
  for (let parent = best.parent; !isBoundary(parent) && parent!.childElementCount === 1; parent = best.parent) best = parent!;
  if (best.score === undefined) initialize(best, flags);
  return best;
}
