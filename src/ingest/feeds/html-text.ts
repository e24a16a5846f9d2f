import { escapeXml } from './decode-entities.js';
import { resolveUrl } from './resolve-url.js';
import { scanMarkup } from './scan-markup.js';

// Elements whose text is not reader-visible, and elements that break words apart.
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object', 'svg', 'math']);
const BREAKING = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure',
  'footer', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'ol', 'p', 'pre', 'section',
  'table', 'td', 'th', 'tr', 'ul',
]);

/** Collapses runs of whitespace (including NBSP) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
}

/** The reader-visible text of an HTML fragment, whitespace collapsed to single spaces. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return collapseWhitespace(html);
  const parts: string[] = [];
  let skipping = 0;
  scanMarkup(
    html,
    {
      open(name, _attrs, selfClosing) {
        if (SKIPPED.has(name)) skipping += selfClosing ? 0 : 1;
        else if (BREAKING.has(name)) parts.push(' ');
      },
      close(name) {
        if (SKIPPED.has(name)) skipping = Math.max(0, skipping - 1);
        else if (BREAKING.has(name)) parts.push(' ');
      },
      text(text) {
        if (skipping === 0) parts.push(text);
      },
    },
    'html',
  );
  return collapseWhitespace(parts.join(''));
}

/** Escapes plain text as HTML (for text constructs rendered into `content`). */
export function textToHtml(text: string): string {
  return escapeXml(text);
}

/** True when a string contains markup (a tag), not just text. */
export function looksLikeHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*(?:\s[^>]*)?\/?>/i.test(text);
}

/** Cuts text at a word boundary to at most `max` characters, adding "…" when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const URL_ATTR_RE = /(\s(?:href|src|poster|cite)\s*=\s*)(["'])([^"']*)\2/gi;

/**
 * Rewrites relative href/src/poster/cite values in an HTML fragment against `base`, so that the
 * content stays right once it leaves the feed (RFC 4287 §3.1.1 and XML Base apply the base to
 * content). Absolute URLs and fragment-only references are left alone.
 */
export function absolutizeHtml(html: string, base: string | undefined): string {
  if (!base || !/^https?:\/\//i.test(base) || !html.includes('=')) return html;
  return html.replace(URL_ATTR_RE, (whole, lead: string, quote: string, value: string) => {
    const v = value.trim();
    if (!v || v.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(v)) return whole;
    return `${lead}${quote}${escapeXml(resolveUrl(v.replace(/&amp;/g, '&'), base))}${quote}`;
  });
}

/** The first `<img src>` of an HTML fragment, with its width/height attributes when numeric. */
export function findFirstImage(html: string): { url: string; width?: number; height?: number } | undefined {
  if (!html.includes('<img') && !html.includes('<IMG')) return undefined;
  let found: { url: string; width?: number; height?: number } | undefined;
  scanMarkup(
    html,
    {
      open(name, attrs) {
        if (found || name !== 'img' || !attrs.src?.trim()) return;
        const image: { url: string; width?: number; height?: number } = { url: attrs.src.trim() };
        const width = Number(attrs.width);
        const height = Number(attrs.height);
        if (Number.isInteger(width) && width > 0) image.width = width;
        if (Number.isInteger(height) && height > 0) image.height = height;
        found = image;
      },
      close() {},
      text() {},
    },
    'html',
  );
  return found;
}
