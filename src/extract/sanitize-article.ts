import sanitizeHtml from 'sanitize-html';
import { type HElement, walk } from './dom.js';

/**
 * The article HTML Heatwire stores and serves: an allow-list of structural and phrasing tags, no
 * scripts, styles, event handlers, forms, iframes or embeds, http(s)/mailto links only, and every
 * relative link or image made absolute against the page (or its `<base href>`).
 */

const ALLOWED_TAGS = [
  'p', 'div', 'section', 'article', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'code', 'kbd', 'samp', 'var', 'em', 'strong', 'b', 'i', 'u', 's', 'sub', 'sup', 'small',
  'mark', 'abbr', 'cite', 'q', 'time', 'del', 'ins', 'span', 'a', 'br', 'hr', 'img', 'figure', 'figcaption',
  'picture', 'source', 'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'col', 'colgroup',
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'srcset', 'alt', 'title', 'width', 'height'],
    source: ['srcset', 'media', 'type'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    col: ['span'],
    colgroup: ['span'],
    ol: ['start', 'reversed', 'type'],
    time: ['datetime'],
    blockquote: ['cite'],
    q: ['cite'],
    abbr: ['title'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], source: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'button', 'select'],
  parseStyleAttributes: false,
  transformTags: {
    // Links leave Heatwire: no referrer, no opener, no endorsement (rel values per HTML §4.6.7).
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'noopener noreferrer nofollow' } }),
  },
  exclusiveFilter: (frame) => frame.tag === 'a' && !frame.text.trim() && !frame.mediaChildren.length && !frame.attribs.href,
};

const resolve = (value: string, base: string): string => {
  const v = value.trim();
  if (!v || v.startsWith('#')) return value; // in-page anchors stay relative
  try {
    return new URL(v, base).href;
  } catch {
    return value;
  }
};

/** Makes `href`, `src`, `poster` and `srcset` URLs under `root` absolute against `base`. */
export function absolutizeUrls(root: HElement, base: string | null): void {
  if (!base) return;
  walk(root, (n) => {
    if (!n.isElement) return;
    for (const name of ['href', 'src', 'poster']) {
      const value = n.getAttr(name);
      if (value !== null) n.setAttr(name, resolve(value, base));
    }
    const srcset = n.getAttr('srcset');
    if (srcset) {
      // srcset candidates: "URL [descriptor]" separated by commas (HTML §4.8.4.2).
      n.setAttr('srcset', srcset.replace(/(\S+)(\s+[\d.]+[xw])?(\s*(?:,|$))/g, (_, url: string, d?: string, sep?: string) => `${resolve(url, base)}${d ?? ''}${sep ?? ''}`));
    }
  });
}

const KEPT_ATTRIBUTES = new Set(Object.values(OPTIONS.allowedAttributes as Record<string, string[]>).flat());

/**
 * Drops attributes that the allow-list would drop anyway (class, id, style, data-*, on*), so that
 * the sanitiser re-parses less. The sanitiser stays the authority on what is allowed.
 */
export function pruneAttributes(root: HElement): void {
  walk(root, (n) => {
    if (!n.isElement) return;
    for (const name of [...n.attrs.keys()]) if (!KEPT_ATTRIBUTES.has(name)) n.removeAttr(name);
  });
}

/** Sanitises article HTML with the allow-list above. */
export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS).trim();
}
