import { HeatwireError, toHeatwireError } from '../../core/errors.js';
import { cleanXmlText } from './clean-xml-text.js';
import { decodeFeedText } from './decode-feed-text.js';
import { escapeXml } from './decode-entities.js';
import { collapseWhitespace } from './html-text.js';
import { resolveLink } from './resolve-url.js';
import { childNamed, childText, isElement, parseXmlTree, type XmlElement } from './xml-tree.js';

/*
 * OPML 1.0/2.0 subscription lists (http://opml.org/spec2.opml). Folders (outlines without
 * xmlUrl) become tags of the feeds inside them, as do the OPML 2.0 `category` paths.
 */

/** One subscribed feed. */
export interface OpmlOutline {
  xmlUrl: string;
  htmlUrl?: string;
  title?: string;
  /** Folder titles from the outermost in, then `category` entries; no duplicates. */
  tags: string[];
}

/** A parsed OPML document. */
export interface ParsedOpml {
  title?: string;
  outlines: OpmlOutline[];
  warnings: string[];
}

// OPML 2.0 §category: comma-separated, slash-delimited paths ("/Boston/Weather").
function categoryTags(category: string | undefined): string[] {
  if (!category) return [];
  return category
    .split(',')
    .map((c) => c.trim().replace(/^\/+|\/+$/g, ''))
    .filter((c) => c.length > 0);
}

function addTags(target: string[], tags: string[]): void {
  for (const t of tags) if (!target.some((x) => x.toLowerCase() === t.toLowerCase())) target.push(t);
}

/**
 * Parses an OPML subscription list. Nested outlines become tags (their folder titles); the same
 * feed listed in two folders is returned once with both tags. FEED_INVALID when it is not OPML.
 */
export function parseOpml(input: string | Buffer, options: { url?: string } = {}): ParsedOpml {
  try {
    const decoded = decodeFeedText(input);
    const warnings = [...decoded.warnings];
    if (!decoded.text.trim()) throw new HeatwireError('INPUT_EMPTY', 'no OPML content', { input: options.url });
    const tree = parseXmlTree(cleanXmlText(decoded.text, warnings), { baseUrl: options.url });
    warnings.push(...tree.warnings);
    const root = tree.root;
    if (root?.local !== 'opml') {
      throw new HeatwireError('FEED_INVALID', `not an OPML document (root <${root?.name ?? 'none'}>)`, { input: options.url });
    }
    const head = childNamed(root, 'head', ['']);
    const title = head ? childText(head, 'title', ['']) : undefined;
    const body = childNamed(root, 'body', ['']);
    if (!body) warnings.push('the OPML has no <body>');

    const byUrl = new Map<string, OpmlOutline>();
    let skipped = 0;
    // Iterative walk: each entry carries the folder titles above it.
    const todo: Array<{ el: XmlElement; tags: string[] }> = [];
    const pushChildren = (el: XmlElement, tags: string[]) => {
      const kids = el.children.filter(isElement).filter((c) => c.local === 'outline');
      for (let i = kids.length - 1; i >= 0; i--) todo.push({ el: kids[i] as XmlElement, tags });
    };
    if (body) pushChildren(body, []);
    while (todo.length) {
      const { el, tags } = todo.pop() as { el: XmlElement; tags: string[] };
      const label = collapseWhitespace(el.attrs.title ?? el.attrs.text ?? '');
      const rawUrl = el.attrs.xmlurl ?? (el.attrs.type?.toLowerCase() === 'rss' ? el.attrs.url : undefined);
      if (rawUrl === undefined) {
        pushChildren(el, label ? [...tags, label] : tags);
        continue;
      }
      const xmlUrl = resolveLink(rawUrl, el.base);
      if (!xmlUrl) {
        skipped++;
        continue;
      }
      const outline = byUrl.get(xmlUrl) ?? { xmlUrl, tags: [] };
      const htmlUrl = el.attrs.htmlurl ? resolveLink(el.attrs.htmlurl, el.base) : null;
      if (htmlUrl && !outline.htmlUrl) outline.htmlUrl = htmlUrl;
      if (label && !outline.title) outline.title = label;
      addTags(outline.tags, [...tags, ...categoryTags(el.attrs.category)]);
      byUrl.set(xmlUrl, outline);
    }
    if (skipped) warnings.push(`${skipped} outline(s) had an unusable xmlUrl and were skipped`);
    const outlines = [...byUrl.values()];
    if (outlines.length === 0) warnings.push('the OPML lists no feeds');
    return title ? { title, outlines, warnings } : { outlines, warnings };
  } catch (err) {
    throw toHeatwireError(err, options.url);
  }
}

/** A source to write into OPML. */
export interface OpmlSource {
  xmlUrl: string;
  htmlUrl?: string;
  title?: string;
  tags?: string[];
}

function outlineXml(s: OpmlSource, indent: string): string {
  const label = escapeXml(s.title?.trim() || s.xmlUrl);
  let attrs = `type="rss" text="${label}" title="${label}" xmlUrl="${escapeXml(s.xmlUrl)}"`;
  if (s.htmlUrl) attrs += ` htmlUrl="${escapeXml(s.htmlUrl)}"`;
  // Tags beyond the folder go into `category` (commas and slashes are its separators).
  const tags = (s.tags ?? []).map((t) => t.replace(/[,/]/g, ' ').trim()).filter(Boolean);
  if (tags.length > 1) attrs += ` category="${escapeXml(tags.map((t) => `/${t}`).join(','))}"`;
  return `${indent}<outline ${attrs}/>\n`;
}

/**
 * Writes an OPML 2.0 subscription list: each source inside a folder named after its first tag,
 * all its tags in `category`, so that `parseOpml(writeOpml(x))` gives the same tags back.
 */
export function writeOpml(sources: readonly OpmlSource[], options: { title?: string; now?: Date } = {}): string {
  const folders = new Map<string, OpmlSource[]>();
  const loose: OpmlSource[] = [];
  for (const s of sources) {
    const first = s.tags?.map((t) => t.replace(/[,/]/g, ' ').trim()).find(Boolean);
    if (!first) loose.push(s);
    else folders.set(first, [...(folders.get(first) ?? []), s]);
  }
  let body = '';
  for (const [folder, list] of folders) {
    body += `    <outline text="${escapeXml(folder)}" title="${escapeXml(folder)}">\n`;
    for (const s of list) body += outlineXml(s, '      ');
    body += '    </outline>\n';
  }
  for (const s of loose) body += outlineXml(s, '    ');
  // OPML 2.0 §head: dateCreated is an RFC 822 date.
  const created = options.now ? `    <dateCreated>${options.now.toUTCString()}</dateCreated>\n` : '';
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">\n  <head>\n' +
    `    <title>${escapeXml(options.title ?? 'Heatwire subscriptions')}</title>\n${created}  </head>\n` +
    `  <body>\n${body}  </body>\n</opml>\n`
  );
}
