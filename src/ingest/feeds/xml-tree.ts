import { decodeEntities } from './decode-entities.js';
import { resolveUrl } from './resolve-url.js';
import { scanMarkup, type MarkupHandler } from './scan-markup.js';

/*
 * A small, tolerant element tree over htmlparser2's XML tokenizer (fast, and it never throws on
 * broken input; see scan-markup.ts). We add what feeds need and htmlparser2 does not do: namespace
 * resolution (Namespaces in XML 1.0 §6), xml:base (XML Base §4.2) and xml:lang inheritance,
 * HTML entity decoding, implicit closing of items, and a depth cap so that tree walks stay
 * bounded on hostile input.
 */

/** Namespace URIs feeds use, canonical form. */
export const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  atom03: 'http://purl.org/atom/ns#',
  rss090: 'http://my.netscape.com/rdf/simple/0.9/',
  rss10: 'http://purl.org/rss/1.0/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xhtml: 'http://www.w3.org/1999/xhtml',
} as const;

// Feeds that use a prefix without declaring it (common) still mean the usual namespace.
const UNDECLARED_PREFIXES: Record<string, string> = {
  atom: NS.atom, content: NS.content, dc: NS.dc, dcterms: NS.dcterms, media: NS.media, rdf: NS.rdf,
  itunes: NS.itunes, feedburner: NS.feedburner, xhtml: NS.xhtml,
};

// Spelling variants seen in the wild, mapped to the canonical URI.
function canonicalNamespace(uri: string): string {
  const u = uri.trim();
  if (/^https?:\/\/search\.yahoo\.com\/mrss\/?$/i.test(u)) return NS.media;
  if (/^https?:\/\/www\.w3\.org\/2005\/atom\/?$/i.test(u)) return NS.atom;
  if (/^https?:\/\/purl\.org\/rss\/1\.0\/?$/i.test(u)) return NS.rss10;
  if (/^https?:\/\/purl\.org\/dc\/elements\/1\.1\/?$/i.test(u)) return NS.dc;
  return u;
}

/** An element: names lowercased for tolerant matching; attribute values entity-decoded. */
export interface XmlElement {
  /** The qualified name as written. */
  name: string;
  /** Local name, lowercased. */
  local: string;
  /** Namespace URI ('' for none). */
  ns: string;
  /** Attributes by lowercased qualified name. */
  attrs: Record<string, string>;
  children: XmlNode[];
  /** The effective xml:base, resolved against the enclosing base and the document URL. */
  base: string;
  /** The effective xml:lang, if any. */
  lang: string | undefined;
}
export type XmlNode = XmlElement | string;

/** The parsed document and what was repaired on the way. */
export interface XmlTree {
  root: XmlElement | undefined;
  warnings: string[];
}

/** Tree-building options. */
export interface XmlTreeOptions {
  /** The document URL: the outermost base. */
  baseUrl?: string;
  /** Deeper elements are dropped (their text is kept). */
  maxDepth?: number;
  /** Local names that never nest (item, entry): opening one closes an open one. */
  noNesting?: readonly string[];
  /** Un-namespaced elements that hold only text (RSS title, link…)… */
  leafElements?: readonly string[];
  /** …and the un-namespaced elements whose start closes an open leaf. */
  fieldElements?: readonly string[];
}

interface Frame {
  el: XmlElement;
  prefixes: Map<string, string>;
}

/** Parses XML (tolerantly) into an element tree. Never throws on malformed input. */
export function parseXmlTree(text: string, options: XmlTreeOptions = {}): XmlTree {
  const maxDepth = options.maxDepth ?? 128;
  const noNesting = new Set(options.noNesting ?? []);
  const leafElements = new Set(options.leafElements ?? []);
  const fieldElements = new Set(options.fieldElements ?? []);
  const document: XmlElement = {
    name: '#document', local: '#document', ns: '', attrs: {}, children: [], base: options.baseUrl ?? '', lang: undefined,
  };
  const stack: Frame[] = [{ el: document, prefixes: new Map() }];
  let skippedDepth = 0;
  let droppedDeep = false;
  let implicitCloses = 0;
  let bareAmpersands = 0;

  const top = (): Frame => stack[stack.length - 1] as Frame;

  const handler: MarkupHandler = {
    open(name, rawAttrs, selfClosing) {
      if (stack.length > maxDepth) {
        if (!selfClosing) skippedDepth++;
        droppedDeep = true;
        return;
      }
      const parent = top();
      const attrs: Record<string, string> = {};
      let prefixes = parent.prefixes;
      for (const [key, raw] of Object.entries(rawAttrs)) {
        const k = key.toLowerCase();
        const value = decodeEntities(raw);
        attrs[k] = value;
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (prefixes === parent.prefixes) prefixes = new Map(parent.prefixes);
          prefixes.set(k === 'xmlns' ? '' : k.slice(6), canonicalNamespace(value));
        }
      }
      const colon = name.indexOf(':');
      const prefix = colon > 0 ? name.slice(0, colon).toLowerCase() : '';
      const local = (colon > 0 ? name.slice(colon + 1) : name).toLowerCase();
      if (noNesting.has(local)) {
        const open = stack.findLastIndex((f) => f.el.local === local);
        if (open > 0) {
          implicitCloses += stack.length - open;
          stack.length = open;
        }
      }
      // An RSS leaf (<title>, <link>…) left open is closed by the next item field, the way
      // HTML closes a <p> (WHATWG HTML §13.1.2.4 optional end tags).
      const open = top().el;
      if (prefix === '' && open.ns === '' && leafElements.has(open.local) && fieldElements.has(local)) {
        stack.length -= 1;
        implicitCloses++;
      }
      const holder = top();
      const ns = prefixes.get(prefix) ?? (prefix ? (UNDECLARED_PREFIXES[prefix] ?? `urn:undeclared:${prefix}`) : '');
      const xmlBase = attrs['xml:base'];
      const el: XmlElement = {
        name,
        local,
        ns,
        attrs,
        children: [],
        base: xmlBase !== undefined ? resolveUrl(xmlBase, holder.el.base) : holder.el.base,
        lang: attrs['xml:lang'] ?? holder.el.lang,
      };
      holder.el.children.push(el);
      if (!selfClosing) stack.push({ el, prefixes });
    },
    close(name) {
      if (skippedDepth > 0) {
        skippedDepth--;
        return;
      }
      const local = (name.includes(':') ? name.slice(name.indexOf(':') + 1) : name).toLowerCase();
      // The stack is capped at maxDepth, so this search is bounded.
      const at = stack.findLastIndex((f) => f.el.local === local);
      if (at <= 0) return; // a stray end tag closes nothing
      implicitCloses += stack.length - 1 - at;
      stack.length = at;
    },
    text(raw, cdata) {
      let value = raw;
      if (!cdata) {
        // XML 1.0 §2.4: "&" must start a reference; count the bare ones we keep as text.
        const bare = raw.match(/&(?![A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)/g);
        if (bare) bareAmpersands += bare.length;
        value = decodeEntities(raw);
      }
      const children = top().el.children;
      const last = children.length - 1;
      if (typeof children[last] === 'string') children[last] += value;
      else children.push(value);
    },
  };
  scanMarkup(text, handler, 'xml');
  // Elements still open at the end of the input were never closed.
  implicitCloses += stack.length - 1;

  const warnings: string[] = [];
  if (implicitCloses > 0) warnings.push(`ill-formed XML: ${implicitCloses} element(s) were not closed properly`);
  if (bareAmpersands > 0) warnings.push(`ill-formed XML: ${bareAmpersands} unescaped "&" kept as text`);
  if (droppedDeep) warnings.push(`elements nested deeper than ${maxDepth} levels were dropped`);
  const root = document.children.find((c): c is XmlElement => typeof c !== 'string');
  return { root, warnings };
}

/** True for an element node. */
export function isElement(node: XmlNode | undefined): node is XmlElement {
  return typeof node === 'object';
}

/** Child elements of `el` with this local name, in any of `namespaces`. */
export function childrenNamed(el: XmlElement, local: string, namespaces: readonly string[]): XmlElement[] {
  const out: XmlElement[] = [];
  for (const c of el.children) if (isElement(c) && c.local === local && namespaces.includes(c.ns)) out.push(c);
  return out;
}

/** The first child element with this local name in any of `namespaces`. */
export function childNamed(el: XmlElement, local: string, namespaces: readonly string[]): XmlElement | undefined {
  for (const c of el.children) if (isElement(c) && c.local === local && namespaces.includes(c.ns)) return c;
  return undefined;
}

/** All text under `el`, in document order (iterative: no recursion on deep input). */
export function textOf(el: XmlElement): string {
  const parts: string[] = [];
  const todo: XmlNode[] = [el];
  while (todo.length) {
    const node = todo.pop() as XmlNode;
    if (typeof node === 'string') parts.push(node);
    else for (let i = node.children.length - 1; i >= 0; i--) todo.push(node.children[i] as XmlNode);
  }
  return parts.join('');
}

/** Trimmed text of the first matching child, or undefined when absent or blank. */
export function childText(el: XmlElement, local: string, namespaces: readonly string[]): string | undefined {
  const c = childNamed(el, local, namespaces);
  const t = c ? textOf(c).trim() : '';
  return t || undefined;
}

/** True when `el` has element children (markup that was not escaped). */
export function hasElementChildren(el: XmlElement): boolean {
  return el.children.some(isElement);
}

const VOID_ELEMENTS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr',
]);

/** Serialises the children of `el` as HTML (for XHTML content and unescaped markup). */
export function innerXml(el: XmlElement): string {
  let out = '';
  // Iterative walk: entries are nodes to open, or closing tags to emit.
  const todo: Array<XmlNode | { close: string }> = [...el.children].reverse();
  while (todo.length) {
    const item = todo.pop() as XmlNode | { close: string };
    if (typeof item === 'string') {
      out += item.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
    } else if ('close' in item) {
      out += `</${item.close}>`;
    } else {
      const name = item.name.includes(':') ? item.name.slice(item.name.indexOf(':') + 1) : item.name;
      let attrs = '';
      for (const [k, v] of Object.entries(item.attrs)) {
        if (k === 'xmlns' || k.startsWith('xmlns:') || k.startsWith('xml:')) continue;
        attrs += ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
      }
      out += `<${name}${attrs}>`;
      // HTML void elements (WHATWG HTML §13.1.2) take no end tag ("</br>" reads as <br>); what an
      // unclosed <br> swallowed in XML mode follows it as siblings.
      if (!VOID_ELEMENTS.has(name.toLowerCase())) todo.push({ close: name });
      for (let i = item.children.length - 1; i >= 0; i--) todo.push(item.children[i] as XmlNode);
    }
  }
  return out;
}

/** Elements below `el` (not `el` itself) with this local name, in document order; does not descend into matches. */
export function findAll(el: XmlElement, local: string, limit: number): XmlElement[] {
  const out: XmlElement[] = [];
  const todo: XmlElement[] = el.children.filter(isElement).reverse();
  while (todo.length && out.length < limit) {
    const node = todo.pop() as XmlElement;
    if (node.local === local) {
      out.push(node);
      continue;
    }
    for (let i = node.children.length - 1; i >= 0; i--) {
      const c = node.children[i];
      if (isElement(c)) todo.push(c);
    }
  }
  return out;
}
