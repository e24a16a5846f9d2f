import { MAX_ITEMS, type FeedFormat } from './feed-schema.js';
import { enclosureFrom, readMedia } from './read-media.js';
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
  textOf,
  type XmlElement,
} from './xml-tree.js';

/*
 * RSS 0.90/0.91/0.92 (Netscape/UserLand), RSS 1.0 (RDF Site Summary, https://web.resource.org/rss/1.0/)
 * and RSS 2.0 (https://www.rssboard.org/rss-specification), with the modules feeds use:
 * content:encoded, Dublin Core, Media RSS, iTunes, Atom links, FeedBurner origLink.
 */

/** Namespaces an RSS core element may be in: none (0.9x/2.0), RSS 1.0, RSS 0.90. */
const RSS = ['', NS.rss10, NS.rss090] as const;
const ATOM = [NS.atom] as const;
const DC = [NS.dc] as const;
const DCTERMS = [NS.dcterms] as const;

/** "jo@example.com (Jo Bloggs)" or "Jo Bloggs <jo@example.com>" → "Jo Bloggs" (RFC 5322 §3.4). */
export function cleanAuthor(value: string): string {
  const s = value.replace(/\s+/g, ' ').trim();
  const paren = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  if (paren?.[1]) return paren[1].trim();
  const angle = /^"?([^"<]+?)"?\s*<[^>]*>$/.exec(s);
  if (angle?.[1]) return angle[1].trim();
  return s;
}

/** The HTML of an element that should hold (escaped) HTML, or raw markup when it was not escaped. */
export function htmlOf(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const html = (hasElementChildren(el) ? innerXml(el) : textOf(el)).trim();
  return html || undefined;
}

/** The href of the first atom:link with this rel (rel absent counts as "alternate", RFC 4287 §4.2.7.2). */
export function atomLinkHref(
  el: XmlElement,
  rel: string,
  namespaces: readonly string[] = [NS.atom, NS.atom03],
): string | undefined {
  for (const link of childrenNamed(el, 'link', namespaces)) {
    if ((link.attrs.rel ?? 'alternate').toLowerCase() === rel && link.attrs.href?.trim()) {
      return resolveUrl(link.attrs.href, link.base);
    }
  }
  return undefined;
}

function readItem(el: XmlElement): RawItem {
  const item = newRawItem(el.base);
  const guidEl = childNamed(el, 'guid', RSS);
  const guid = guidEl ? textOf(guidEl).trim() : '';
  const about = el.attrs['rdf:about']?.trim();
  item.id = guid || about || undefined;
  item.title = childText(el, 'title', RSS) ?? childText(el, 'title', DC);

  const linkEl = childNamed(el, 'link', RSS);
  const link = linkEl ? textOf(linkEl).trim() : '';
  // RSS 2.0: a guid is a permalink unless isPermaLink="false".
  const guidIsLink = guidEl && guid && guidEl.attrs.ispermalink?.trim().toLowerCase() !== 'false' && /^(https?:)?\/\//i.test(guid);
  const origLink = childText(el, 'origlink', [NS.feedburner]);
  const linkBase = linkEl?.base ?? el.base;
  item.link =
    (origLink && resolveUrl(origLink, el.base)) ||
    (link && resolveUrl(link, linkBase)) ||
    (guidIsLink ? resolveUrl(guid, guidEl.base) : undefined) ||
    atomLinkHref(el, 'alternate') ||
    (about && /^https?:\/\//i.test(about) ? about : undefined);

  item.summaryHtml = htmlOf(childNamed(el, 'description', RSS)) ?? htmlOf(childNamed(el, 'summary', [NS.itunes]));
  item.contentHtml = htmlOf(childNamed(el, 'encoded', [NS.content])) ?? htmlOf(childNamed(el, 'content', ATOM));

  item.published =
    childText(el, 'pubdate', RSS) ??
    childText(el, 'date', DC) ??
    childText(el, 'issued', DCTERMS) ??
    childText(el, 'created', DCTERMS) ??
    childText(el, 'published', ATOM);
  item.updated = childText(el, 'updated', ATOM) ?? childText(el, 'modified', DCTERMS);

  for (const a of childrenNamed(el, 'author', RSS)) item.authors.push(cleanAuthor(textOf(a)));
  for (const a of childrenNamed(el, 'creator', DC)) item.authors.push(cleanAuthor(textOf(a)));
  for (const a of childrenNamed(el, 'author', ATOM)) {
    const name = childText(a, 'name', ATOM);
    if (name) item.authors.push(name);
  }
  if (item.authors.length === 0) {
    const itunes = childText(el, 'author', [NS.itunes]);
    if (itunes) item.authors.push(itunes);
  }

  for (const c of childrenNamed(el, 'category', RSS)) item.categories.push(textOf(c));
  for (const c of childrenNamed(el, 'subject', DC)) item.categories.push(textOf(c));

  for (const e of childrenNamed(el, 'enclosure', RSS)) {
    const enclosure = enclosureFrom(e.attrs.url, e.base, e.attrs.type, e.attrs.length);
    if (!enclosure) continue;
    item.enclosures.push(enclosure);
    if (enclosure.type?.startsWith('image/')) item.images.push({ url: enclosure.url });
  }
  readMedia(el, item);
  return item;
}

/** Reads an RSS 0.9x / 1.0 / 2.0 document whose root is `root`. */
export function readRss(root: XmlElement, format: FeedFormat): RawFeed {
  const warnings: string[] = [];
  const channel = root.local === 'channel' ? root : childNamed(root, 'channel', RSS);
  if (!channel) warnings.push('the feed has no <channel>');
  const head = channel ?? root;
  const linkEl = childNamed(head, 'link', RSS);
  const link = linkEl ? textOf(linkEl).trim() : '';
  const items = findAll(root, 'item', MAX_ITEMS + 1);
  if (items.length > MAX_ITEMS) {
    warnings.push(`the feed has more than ${MAX_ITEMS} items; the rest were dropped`);
    items.length = MAX_ITEMS;
  }
  return {
    format,
    title: childText(head, 'title', RSS) ?? childText(head, 'title', DC),
    link: (link && resolveUrl(link, linkEl?.base ?? head.base)) || atomLinkHref(head, 'alternate'),
    description: htmlOf(childNamed(head, 'description', RSS)),
    language: childText(head, 'language', RSS) ?? childText(head, 'language', DC) ?? root.attrs['xml:lang'],
    items: items.map(readItem),
    warnings,
  };
}
