import type { FeedEnclosure, FeedImage } from './feed-schema.js';
import type { RawItem } from './raw-feed.js';
import { resolveLink } from './resolve-url.js';
import { NS, isElement, textOf, type XmlElement } from './xml-tree.js';

/** A positive integer from an attribute, else undefined. */
export function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** A non-negative integer (an enclosure length), else undefined. */
function nonNegativeInt(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const n = Number(value.trim());
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

/** An image from a URL attribute and optional width/height attributes. */
export function imageFrom(url: string | undefined, base: string, width?: string, height?: string): FeedImage | undefined {
  const link = resolveLink(url, base);
  if (!link) return undefined;
  const image: FeedImage = { url: link };
  const w = positiveInt(width);
  const h = positiveInt(height);
  if (w !== undefined) image.width = w;
  if (h !== undefined) image.height = h;
  return image;
}

/** An enclosure from URL/type/length strings. */
export function enclosureFrom(url: string | undefined, base: string, type?: string, length?: string): FeedEnclosure | undefined {
  const link = resolveLink(url, base);
  if (!link) return undefined;
  const enclosure: FeedEnclosure = { url: link };
  if (type?.trim()) enclosure.type = type.trim().toLowerCase();
  const n = nonNegativeInt(length);
  if (n !== undefined) enclosure.length = n;
  return enclosure;
}

const IMAGE_EXT_RE = /\.(?:jpe?g|png|gif|webp|avif|bmp|svg)(?:[?#]|$)/i;

/** True when a media object is an image by medium, MIME type or (lacking both) file extension. */
function isImageMedia(medium: string | undefined, type: string | undefined, url: string): boolean {
  if (medium) return medium.toLowerCase() === 'image';
  if (type) return type.toLowerCase().startsWith('image/');
  return IMAGE_EXT_RE.test(url);
}

/**
 * Reads Media RSS (media:content, media:thumbnail, media:group, media:title/description;
 * https://www.rssboard.org/media-rss) and itunes:image from an item or entry.
 */
export function readMedia(el: XmlElement, item: RawItem, depth = 0): void {
  for (const c of el.children) {
    if (!isElement(c)) continue;
    if (c.ns === NS.itunes && c.local === 'image') {
      const image = imageFrom(c.attrs.href, c.base);
      if (image) item.images.push(image);
      continue;
    }
    if (c.ns !== NS.media) continue;
    switch (c.local) {
      case 'thumbnail': {
        const image = imageFrom(c.attrs.url, c.base, c.attrs.width, c.attrs.height);
        if (image) item.images.push(image);
        break;
      }
      case 'content': {
        const url = c.attrs.url ?? '';
        if (isImageMedia(c.attrs.medium, c.attrs.type, url)) {
          const image = imageFrom(url, c.base, c.attrs.width, c.attrs.height);
          if (image) item.images.push(image);
        } else {
          const enclosure = enclosureFrom(url, c.base, c.attrs.type, c.attrs.filesize);
          if (enclosure) item.enclosures.push(enclosure);
        }
        // media:content may carry its own thumbnails, title and description.
        if (depth < 2) readMedia(c, item, depth + 1);
        break;
      }
      case 'group':
        if (depth < 2) readMedia(c, item, depth + 1);
        break;
      case 'title':
        item.title ??= textOf(c).trim() || undefined;
        break;
      case 'description': {
        const text = textOf(c).trim();
        if (text && !item.summaryHtml) item.summaryHtml = c.attrs.type === 'html' ? text : escapeForHtml(text);
        break;
      }
      default:
        break;
    }
  }
}

function escapeForHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
