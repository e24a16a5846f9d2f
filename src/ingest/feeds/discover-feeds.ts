import { collapseWhitespace } from './html-text.js';
import { resolveLink } from './resolve-url.js';
import { scanMarkup } from './scan-markup.js';

/** MIME types of feeds announced with <link rel="alternate"> (RSS autodiscovery, RFC 4287 §7). */
const FEED_TYPES = new Set([
  'application/rss+xml',
  'application/atom+xml',
  'application/rdf+xml',
  'application/feed+json',
  'application/json',
  'text/xml',
  'application/xml',
]);

/** True when the text starts like an HTML document rather than a feed. */
export function looksLikeHtmlPage(text: string): boolean {
  const head = text.slice(0, 4096).replace(/<!--[\s\S]*?-->/g, '').replace(/<\?xml[^>]*>/i, '').trimStart();
  return /^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head);
}

/** What an HTML page says about itself: its title and the feeds it links to. */
export interface DiscoveredFeeds {
  title?: string;
  feeds: string[];
}

/**
 * Finds `<link rel="alternate" type="application/rss+xml|atom+xml|feed+json" href>` in an HTML
 * page, resolved against `<base href>` and then `pageUrl` (WHATWG HTML §4.2.3).
 */
export function discoverFeeds(html: string, pageUrl?: string): DiscoveredFeeds {
  let base = pageUrl;
  let sawBase = false;
  let inTitle = false;
  let title = '';
  const hrefs: string[] = [];
  scanMarkup(
    html,
    {
      open(name, attrs) {
        if (name === 'base' && !sawBase && attrs.href) {
          base = resolveLink(attrs.href, pageUrl) ?? base;
          sawBase = true;
        } else if (name === 'title') {
          inTitle = true;
        } else if (name === 'link' && attrs.href) {
          const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
          const type = (attrs.type ?? '').toLowerCase().split(';')[0]?.trim() ?? '';
          if (rels.includes('alternate') && FEED_TYPES.has(type)) hrefs.push(attrs.href);
        }
      },
      close(name) {
        if (name === 'title') inTitle = false;
      },
      text(text) {
        if (inTitle && title.length < 1000) title += text;
      },
    },
    'html',
  );
  const feeds: string[] = [];
  for (const href of hrefs) {
    const url = resolveLink(href, base);
    if (url && !feeds.includes(url)) feeds.push(url);
  }
  const cleanTitle = collapseWhitespace(title);
  return cleanTitle ? { title: cleanTitle, feeds } : { feeds };
}
