import type { HElement, HNode } from './dom.js';
import { parseHtml } from './parse-html.js';
import { collapseWhitespace } from './signals.js';

/**
 * Output of the compact DOM: HTML serialisation (HTML §13.3 "Serialising HTML fragments", with
 * every text escaped since scripts and styles are gone by then) and block-aware plain text.
 */

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escapeText = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');

/** `innerHTML` of `root` (its children, not itself). Iterative: depth cannot overflow the stack. */
export function serializeChildren(root: HElement): string {
  const out: string[] = [];
  const close = (el: HElement): void => {
    if (!VOID.has(el.tag)) out.push(`</${el.tag}>`);
  };
  let node: HNode | null = root.first;
  while (node) {
    if (node.isElement) {
      let attrs = '';
      for (const [name, value] of node.attrs) if (/^[a-z_:][-a-z0-9_:.]*$/.test(name)) attrs += ` ${name}="${escapeAttr(value)}"`;
      out.push(`<${node.tag}${attrs}>`);
      if (node.first && !VOID.has(node.tag)) {
        node = node.first;
        continue;
      }
      close(node);
    } else {
      out.push(escapeText(node.data));
    }
    // Climb while there is no next sibling, closing the elements we leave.
    while (node && node !== root && !node.next) {
      node = node.parent;
      if (node && node !== root) close(node);
    }
    node = node && node !== root ? node.next : null;
  }
  return out.join('');
}

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'details', 'dialog', 'div', 'dl', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main',
  'nav', 'ol', 'p', 'pre', 'section', 'table', 'tbody', 'thead', 'tfoot', 'ul', 'summary',
]);
/** Items of a list or rows of a table: one per line, not a paragraph each. */
const LINE = new Set(['li', 'dt', 'dd', 'tr']);
const CELL = new Set(['td', 'th']);
/** Elements whose content is never text for a reader. */
const NON_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'option', 'select', 'svg', 'math', 'button', 'iframe', 'object']);

/**
 * Plain text of `root`: paragraphs and other blocks separated by a blank line, list items and
 * table rows by a newline, `<br>` as a newline; whitespace collapsed except inside `<pre>`.
 */
export function toPlainText(root: HElement): string {
  // Markers while joining: U+0001 paragraph break, U+0002 line break, U+0003 hard newline (<br>);
  // U+0004 n U+0005 stands for the n-th <pre> text, kept aside so whitespace collapsing skips it.
  const parts: string[] = [];
  const preTexts: string[] = [];
  let pre = 0;
  const enter = (el: HElement): boolean => {
    if (NON_TEXT.has(el.tag)) return false;
    if (el.tag === 'br') parts.push('\u0003');
    else if (BLOCK.has(el.tag)) parts.push('\u0001');
    else if (LINE.has(el.tag)) parts.push('\u0002');
    else if (CELL.has(el.tag)) parts.push(' ');
    if (el.tag === 'pre') pre++;
    return true;
  };
  const leave = (el: HElement): void => {
    if (el.tag === 'pre') pre--;
    if (BLOCK.has(el.tag)) parts.push('\u0001');
    else if (LINE.has(el.tag)) parts.push('\u0002');
  };
  let node: HNode | null = root.first;
  while (node) {
    if (node.isElement) {
      if (enter(node) && node.first) {
        node = node.first;
        continue;
      }
      if (!NON_TEXT.has(node.tag)) leave(node);
    } else {
      if (pre) parts.push(`\u0004${preTexts.push(node.data.replace(/\r\n?/g, '\n')) - 1}\u0005`);
      else parts.push(collapseWhitespace(node.data));
    }
    while (node && node !== root && !node.next) {
      node = node.parent;
      if (node && node !== root) leave(node);
    }
    node = node && node !== root ? node.next : null;
  }
  return parts
    .join('')
    .replace(/ {2,}/g, ' ')
    .replace(/ *([\u0001\u0002\u0003]) */g, '$1')
    .replace(/[\u0001-\u0003]*\u0001[\u0001-\u0003]*/g, '\n\n')
    .replace(/[\u0002\u0003]*\u0002[\u0002\u0003]*/g, '\n')
    .replace(/\u0003/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/\u0004(\d+)\u0005/g, (_, i: string) => preTexts[Number(i)]!)
    .trim();
}

/**
 * Plain text of an HTML fragment or page (feed item content, a record's HTML body), with the same
 * rules as the article text. Parsed under the default caps.
 */
export function htmlToText(html: string): string {
  return toPlainText(parseHtml(html).body);
}
