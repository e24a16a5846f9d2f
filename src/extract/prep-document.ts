import { cloneTree, HElement, type HNode, setTag } from './dom.js';
import { isPhrasing, isWhitespace } from './signals.js';

/**
 * Document preparation before scoring (after Readability's `_unwrapNoscriptImages`,
 * `_removeScripts` and `_prepDocument`): real images out of `<noscript>`, scripts and styles
 * out, `<br><br>` runs into paragraphs, `<font>` into `<span>`.
 */

const IMAGE_EXT = /\.(jpg|jpeg|png|webp)/i;

/** An `<img>`, or an element holding exactly one image and no text. */
export function isSingleImage(el: HElement | null): boolean {
  for (let node = el; node; ) {
    if (node.tag === 'img') return true;
    if (node.childElementCount !== 1 || node.textContent.trim() !== '') return false;
    node = node.firstElementChild;
  }
  return false;
}

/**
 * Drops `<img>` placeholders with no image source, then replaces an image followed by a
 * `<noscript>` holding one image with the noscript's image (lazy-loading sites put the real
 * `src` there), keeping the placeholder's image attributes as `data-old-*`.
 */
export function unwrapNoscriptImages(root: HElement): void {
  for (const img of root.findAll('img')) {
    let keep = false;
    for (const [name, value] of img.attrs) {
      if (name === 'src' || name === 'srcset' || name === 'data-src' || name === 'data-srcset' || IMAGE_EXT.test(value)) {
        keep = true;
        break;
      }
    }
    if (!keep) img.remove();
  }
  for (const noscript of root.findAll('noscript')) {
    if (!isSingleImage(noscript)) continue;
    const prev = noscript.previousElementSibling;
    if (!prev || !isSingleImage(prev)) continue;
    const holder = cloneTree(noscript);
    const prevImg = prev.tag === 'img' ? prev : prev.findFirst('img');
    const newImg = holder.findFirst('img');
    const replacement = holder.firstElementChild;
    if (!prevImg || !newImg || !replacement) continue;
    for (const [name, value] of prevImg.attrs) {
      if (value === '') continue;
      if (name === 'src' || name === 'srcset' || IMAGE_EXT.test(value)) {
        if (newImg.getAttr(name) === value) continue;
        newImg.setAttr(newImg.hasAttr(name) ? `data-old-${name}` : name, value);
      }
    }
    prev.replaceWith(replacement);
  }
}

/** A `<noscript>` that holds the page's text (some blogs render the post from a template). */
function holdsText(noscript: HElement): boolean {
  return noscript.findFirst('p') !== null && noscript.textContent.trim().length >= 200;
}

/**
 * Removes `<script>`, `<style>` and `<noscript>` everywhere; a `<noscript>` holding real text
 * (paragraphs, 200+ characters) is unwrapped instead, as a browser without scripts shows it.
 */
export function removeScripts(root: HElement): void {
  for (const el of root.findAll(new Set(['script', 'noscript', 'style']))) {
    if (el.tag === 'noscript' && el.parent && holdsText(el)) {
      while (el.first) el.parent.insertBefore(el.first, el);
    }
    el.remove();
  }
}

/**
 * A link to a `javascript:` URL (WHATWG URL §"javascript: URLs" runs script, it names no
 * document) does nothing once scripts are removed: it becomes a `<span>` keeping its content,
 * as Readability's `_fixRelativeUris` replaces it. Text inside it is then the page's own text,
 * not link text, for link density (a post wrapped in a click-to-expand link is still a post).
 */
export function unlinkScriptLinks(root: HElement): void {
  for (const a of root.findAll('a')) {
    if (/^\s*javascript:/i.test(a.getAttr('href') ?? '')) setTag(a, 'span').removeAttr('href');
  }
}

/** Next sibling that is an element or non-blank text, starting at `node` itself. */
function nextSignificant(node: HNode | null): HNode | null {
  let next = node;
  while (next && !next.isElement && next.data.trim() === '') next = next.next;
  return next;
}

/**
 * Replaces each run of two or more `<br>` with a `<p>` holding the phrasing content that follows,
 * so that `text<br><br>text` pages get paragraphs to score.
 */
export function replaceBrs(body: HElement): void {
  for (const br of body.findAll('br')) {
    let next: HNode | null = br.next;
    let replaced = false;
    while ((next = nextSignificant(next)) && next.isElement && next.tag === 'br') {
      replaced = true;
      const after: HNode | null = next.next;
      next.remove();
      next = after;
    }
    if (!replaced || !br.parent) continue;
    const p = new HElement('p');
    br.replaceWith(p);
    next = p.next;
    while (next) {
      if (next.isElement && next.tag === 'br') {
        const following = nextSignificant(next.next);
        if (following && following.isElement && following.tag === 'br') break;
      }
      if (!isPhrasing(next)) break;
      const sibling: HNode | null = next.next;
      p.appendChild(next);
      next = sibling;
    }
    while (p.last && isWhitespace(p.last)) p.last.remove();
    if (p.parent?.tag === 'p') setTag(p.parent, 'div');
  }
}

const AMP_JUNK = new Set(['amp-ad', 'amp-embed', 'amp-analytics', 'amp-pixel', 'amp-sticky-ad', 'amp-consent', 'amp-geo']);

/**
 * `<br>` runs to paragraphs, `<font>` to `<span>`, AMP images to `<img>` and AMP ads and
 * trackers out (AMP HTML spec: https://amp.dev/documentation/components/), inside the body.
 */
export function prepDocument(body: HElement): void {
  replaceBrs(body);
  for (const font of body.findAll('font')) setTag(font, 'span');
  for (const el of body.findAll(new Set(['amp-img', 'amp-anim', ...AMP_JUNK]))) {
    if (AMP_JUNK.has(el.tag)) el.remove();
    else setTag(el, 'img');
  }
}
