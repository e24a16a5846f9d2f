import { HElement, type HNode, nextElement, setTag } from './dom.js';
import { cleanConditionally, markDataTables } from './clean-conditionally.js';
import { classWeight, hasSingleTagInside, innerText, isPhrasing, isWithoutContent, type PassFlags, RE } from './signals.js';

/**
 * Cleans the gathered article (after Readability's `_prepArticle`): lazy images made real, forms,
 * embeds (except known video hosts), footers, asides, share bars and low-value headers removed,
 * fishy tables/lists/divs removed conditionally, `<h1>` demoted to `<h2>`, empty paragraphs and
 * single-cell layout tables unwrapped.
 */

const EMBEDS = new Set(['object', 'embed', 'iframe']);
const MEDIA_IN_P = new Set(['img', 'embed', 'object', 'iframe']);
const SHARE_MAX_CHARS = 500;

/** Prepares `article` in place. */
export function prepArticle(article: HElement, flags: PassFlags): void {
  markDataTables(article);
  fixLazyImages(article);
  cleanConditionally(article, 'form', flags);
  cleanConditionally(article, 'fieldset', flags);
  clean(article, new Set(['object', 'embed', 'footer', 'link', 'aside']));
  for (const top of article.children) {
    cleanMatched(top, (el) => RE.shareElements.test(`${el.className} ${el.id}`) && el.textContent.length < SHARE_MAX_CHARS);
  }
  clean(article, new Set(['iframe', 'input', 'textarea', 'select', 'button']));
  for (const h of article.findAll(new Set(['h1', 'h2'])).reverse()) if (classWeight(h, flags) < 0) h.remove();
  cleanConditionally(article, 'table', flags);
  cleanConditionally(article, 'ul', flags);
  cleanConditionally(article, 'div', flags);
  for (const h1 of article.findAll('h1')) setTag(h1, 'h2');
  for (const p of article.findAll('p').reverse()) {
    if (!p.parent) continue;
    if (p.findAll(MEDIA_IN_P).length === 0 && !innerText(p, false)) p.remove();
  }
  for (const br of article.findAll('br')) {
    let next: HNode | null = br.next;
    while (next && !next.isElement && next.data.trim() === '') next = next.next;
    if (next?.isElement && next.tag === 'p') br.remove();
  }
  for (const table of article.findAll('table')) unwrapSingleCellTable(table);
}

/** Removes every descendant with one of `tags` (one walk); embeds pointing at a known video host are kept. */
export function clean(root: HElement, tags: ReadonlySet<string>): void {
  for (const el of root.findAll(tags).reverse()) {
    if (!el.parent) continue;
    if (EMBEDS.has(el.tag) && [...el.attrs.values()].some((v) => RE.videos.test(v))) continue;
    el.remove();
  }
}

/** Removes descendants of `root` (not `root`) for which `filter` holds. */
function cleanMatched(root: HElement, filter: (el: HElement) => boolean): void {
  const end = nextElement(root, true);
  for (let next = nextElement(root); next && next !== end; ) {
    if (filter(next)) {
      const after = nextElement(next, true);
      next.remove();
      next = after;
    } else {
      next = nextElement(next);
    }
  }
}

function unwrapSingleCellTable(table: HElement): void {
  if (!table.parent) return;
  const tbody = hasSingleTagInside(table, 'tbody') ? table.firstElementChild! : table;
  if (!hasSingleTagInside(tbody, 'tr')) return;
  const row = tbody.firstElementChild!;
  if (!hasSingleTagInside(row, 'td')) return;
  const cell = row.firstElementChild!;
  setTag(cell, cell.childNodes.every(isPhrasing) ? 'p' : 'div');
  table.replaceWith(cell);
}

const B64_DATA_URL = /^data:\s*([^\s;,]+)\s*;\s*base64\s*,/i;

/** Lazy-loaded images: copy an image URL held in another attribute into `src`/`srcset`. */
export function fixLazyImages(root: HElement): void {
  for (const el of root.findAll(new Set(['img', 'picture', 'figure']))) {
    const src = el.tag === 'img' ? (el.getAttr('src') ?? '') : '';
    const parts = B64_DATA_URL.exec(src);
    if (parts) {
      // An SVG data URI can be a real image below 133 bytes; other tiny data URIs are placeholders.
      if (parts[1] === 'image/svg+xml') continue;
      const hasOther = [...el.attrs].some(([name, value]) => name !== 'src' && /\.(jpg|jpeg|png|webp)/i.test(value));
      if (hasOther && src.length - parts[0].length < 133) el.removeAttr('src');
    }
    const srcset = el.tag === 'img' ? el.getAttr('srcset') : null;
    if ((el.getAttr('src') && el.tag === 'img') || (srcset && srcset !== 'null')) {
      if (!el.className.toLowerCase().includes('lazy')) continue;
    }
    for (const [name, value] of [...el.attrs]) {
      if (name === 'src' || name === 'srcset' || name === 'alt') continue;
      let copyTo: string | null = null;
      if (/\.(jpg|jpeg|png|webp)\s+\d/.test(value)) copyTo = 'srcset';
      else if (/^\s*\S+\.(jpg|jpeg|png|webp)\S*\s*$/.test(value)) copyTo = 'src';
      if (!copyTo) continue;
      if (el.tag === 'img' || el.tag === 'picture') el.setAttr(copyTo, value);
      else if (el.tag === 'figure' && !el.findFirst(new Set(['img', 'picture']))) {
        const img = new HElement('img');
        img.setAttr(copyTo, value);
        el.appendChild(img);
      }
    }
  }
}

/**
 * After extraction: drops empty div/section wrappers and collapses a div/section that only wraps
 * another one (the inner element takes the outer's attributes).
 */
export function simplifyNested(article: HElement): void {
  for (let node: HElement | null = article; node; ) {
    if (node.parent && (node.tag === 'div' || node.tag === 'section') && !node.id.startsWith('readability')) {
      if (isWithoutContent(node)) {
        const next = nextElement(node, true);
        node.remove();
        node = next;
        continue;
      }
      if (hasSingleTagInside(node, 'div') || hasSingleTagInside(node, 'section')) {
        const child: HElement = node.firstElementChild!;
        for (const [name, value] of node.attrs) child.setAttr(name, value);
        node.replaceWith(child);
        node = child;
        continue;
      }
    }
    node = nextElement(node);
  }
}
