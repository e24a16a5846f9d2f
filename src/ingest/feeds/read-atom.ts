import { MAX_ITEMS, type FeedFormat } from './feed-schema.js';
import { htmlToText, textToHtml } from './html-text.js';
import { enclosureFrom, readMedia } from './read-media.js';
import { atomLinkHref } from './read-rss.js';
import { newRawItem, type RawFeed, type RawItem } from './raw-feed.js';
import { resolveUrl } from './resolve-url.js';
import {
  NS,
  childNamed,
  childText,
  childrenNamed,
  findAll,
  hasElementChildren,
  innerXml,
  isElement,
  textOf,
  type XmlElement,
} from './xml-tree.js';

/*
 * Atom 1.0 (RFC 4287) and Atom 0.3 (draft-nottingham-atom-format-02). Both namespaces are
 * accepted everywhere, and so is no namespace (a common mistake), so mixed feeds still read.
 */
const ATOM = [NS.atom, NS.atom03, ''] as const;
const DC = [NS.dc] as const;

/**
 * The HTML of an Atom text construct (RFC 4287 §3.1): type="text" is escaped, "html" is taken as
 * HTML, "xhtml" is the inner markup of its single div. Atom 0.3 uses mode="escaped|base64|xml"
 * with a MIME type instead.
 */
export function textConstructHtml(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const type = (el.attrs.type ?? 'text').toLowerCase();
  const mode = el.attrs.mode?.toLowerCase();
  let html: string;
  if (mode === 'base64') {
    const decoded = Buffer.from(textOf(el).replace(/\s+/g, ''), 'base64').toString('utf8');
    html = /html/.test(type) ? decoded : textToHtml(decoded);
  } else if (type === 'xhtml' || type === 'application/xhtml+xml' || hasElementChildren(el)) {
    // RFC 4287 §3.1.1.3: the content is one xhtml:div, which is not part of the content.
    const elements = el.children.filter(isElement);
    const only = elements.length === 1 ? elements[0] : undefined;
    const onlyText = el.children.every((c) => isElement(c) || !c.trim());
    html = only && only.local === 'div' && onlyText ? innerXml(only) : innerXml(el);
  } else if (type === 'html' || type === 'text/html' || mode === 'escaped') {
    html = textOf(el);
  } else {
    html = textToHtml(textOf(el));
  }
  html = html.trim();
  return html || undefined;
}

/** Plain text of an Atom text construct (titles). */
function textConstructText(el: XmlElement | undefined): string | undefined {
  const html = textConstructHtml(el);
  return html === undefined ? undefined : htmlToText(html) || undefined;
}

function authorsOf(el: XmlElement): string[] {
  const names: string[] = [];
  for (const a of childrenNamed(el, 'author', ATOM)) {
    const name = childText(a, 'name', ATOM) ?? childText(a, 'email', ATOM) ?? (textOf(a).trim() || undefined);
    if (name) names.push(name);
  }
  for (const c of childrenNamed(el, 'creator', DC)) names.push(textOf(c));
  return names;
}

function readEntry(el: XmlElement, feedAuthors: string[]): RawItem {
  const item = newRawItem(el.base);
  item.id = childText(el, 'id', ATOM);
  item.title = textConstructText(childNamed(el, 'title', ATOM));
  // Prefer the text/html alternate when several alternates differ by type.
  const alternates = childrenNamed(el, 'link', ATOM).filter((l) => (l.attrs.rel ?? 'alternate').toLowerCase() === 'alternate');
  const html = alternates.find((l) => /html/i.test(l.attrs.type ?? 'text/html'));
  item.link = html?.attrs.href ? resolveUrl(html.attrs.href, html.base) : atomLinkHref(el, 'alternate', ATOM);
  item.link ??= childText(el, 'origlink', [NS.feedburner]);
  for (const l of childrenNamed(el, 'link', ATOM)) {
    if ((l.attrs.rel ?? '').toLowerCase() !== 'enclosure') continue;
    const enclosure = enclosureFrom(l.attrs.href, l.base, l.attrs.type, l.attrs.length);
    if (!enclosure) continue;
    item.enclosures.push(enclosure);
    if (enclosure.type?.startsWith('image/')) item.images.push({ url: enclosure.url });
  }
  item.summaryHtml = textConstructHtml(childNamed(el, 'summary', ATOM));
  const content = childNamed(el, 'content', ATOM);
  // RFC 4287 §4.1.3.2: content with src is out of line; there is nothing to read here.
  if (content && !content.attrs.src) item.contentHtml = textConstructHtml(content);
  if (content?.base) item.base = content.base;

  item.published =
    childText(el, 'published', ATOM) ?? childText(el, 'issued', ATOM) ?? childText(el, 'created', ATOM) ?? childText(el, 'date', DC);
  item.updated = childText(el, 'updated', ATOM) ?? childText(el, 'modified', ATOM);
  // RFC 4287 §4.2.1: an entry without author inherits the source's, then the feed's.
  const source = childNamed(el, 'source', ATOM);
  item.authors = authorsOf(el);
  if (item.authors.length === 0 && source) item.authors = authorsOf(source);
  if (item.authors.length === 0) item.authors = [...feedAuthors];
  for (const c of childrenNamed(el, 'category', ATOM)) {
    const label = c.attrs.label?.trim() || c.attrs.term?.trim() || textOf(c).trim();
    if (label) item.categories.push(label);
  }
  for (const c of childrenNamed(el, 'subject', DC)) item.categories.push(textOf(c));
  readMedia(el, item);
  return item;
}

/** Reads an Atom 1.0 or 0.3 document whose root is `root`. */
export function readAtom(root: XmlElement, format: FeedFormat): RawFeed {
  const warnings: string[] = [];
  if (root.ns === '') warnings.push('the Atom feed has no namespace (xmlns="http://www.w3.org/2005/Atom" missing)');
  const entries = findAll(root, 'entry', MAX_ITEMS + 1);
  if (entries.length > MAX_ITEMS) {
    warnings.push(`the feed has more than ${MAX_ITEMS} entries; the rest were dropped`);
    entries.length = MAX_ITEMS;
  }
  const feedAuthors = authorsOf(root);
  const subtitle = textConstructHtml(childNamed(root, 'subtitle', ATOM) ?? childNamed(root, 'tagline', ATOM));
  return {
    format,
    title: textConstructText(childNamed(root, 'title', ATOM)),
    link: atomLinkHref(root, 'alternate', ATOM),
    description: subtitle,
    language: root.attrs['xml:lang'],
    items: entries.map((e) => readEntry(e, feedAuthors)),
    warnings,
  };
}
