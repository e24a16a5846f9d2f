import { HElement, setTag } from './dom.js';
import { classWeight, hasAncestorTag, innerText, innerTextLength, linkDensity, type PassFlags, RE } from './signals.js';

/**
 * Candidate scoring and choice for `grab-article.ts`, after Mozilla Readability's `_grabArticle`
 * (Apache-2.0): paragraphs score their ancestors, candidates are scaled by link density, the best
 * is widened and gathered with its related siblings. `growToParagraphs` is Heatwire's addition.
 */

const KEEP_TAG_WHEN_APPENDED = new Set(['div', 'article', 'section', 'p', 'ol', 'ul']);
const TOP_CANDIDATES = 5;

/** Initial candidate score: by tag, plus class/id hints. */
export function initialize(el: HElement, flags: PassFlags): void {
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

/** Element ancestors up to `max` levels (0: all), stopping below the document node. */
export function ancestorsOf(el: HElement, max = 0): HElement[] {
  const out: HElement[] = [];
  for (let node = el.parent; node && node.tag !== '#document'; node = node.parent) {
    out.push(node);
    if (max && out.length === max) break;
  }
  return out;
}

const isBoundary = (el: HElement | null): boolean => !el || el.tag === 'body' || el.tag === 'html' || el.tag === '#document';

/** Scores each paragraph into its ancestors; returns the initialised candidates. */
export function scoreParagraphs(toScore: HElement[], flags: PassFlags): HElement[] {
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
export function assemble(body: HElement, candidates: HElement[], flags: PassFlags): { article: HElement; created: HElement | null } {
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
export function wrapPage(article: HElement, created: HElement | null): void {
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
