import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { HElement, HText, markChanged } from './dom.js';
import { DEFAULT_LIMITS, type Budget, type ExtractLimits } from './limits.js';

/**
 * HTML → compact DOM under caps. Built on htmlparser2's Tokenizer (linear time) with our own tree
 * construction: htmlparser2's Parser keeps its open-element stack with `unshift`/`indexOf`, which is
 * quadratic on 100k-deep nesting or runs of unmatched end tags (measured: 2.3 s and 6.7 s). Here
 * the stack is an array pushed at the end plus a count per open tag name, so an unmatched end tag
 * costs O(1) and a matched one is paid for by the pushes it pops.
 *
 * Tree-construction rules follow htmlparser2's Parser (implied end tags, void elements, foreign
 * content), not the full WHATWG algorithm; `<template>` contents are dropped as a browser would
 * keep them out of the document tree.
 */

/** A parsed page: `root` holds `html`, which holds `head` (if any) and `body`. */
export interface ParsedDocument {
  root: HElement;
  html: HElement;
  head: HElement | null;
  body: HElement;
  /** `document.title`: the first `<title>`, whitespace collapsed. */
  title: string;
  /** Why parsing stopped early, if it did ('elements' cap). */
  truncated: 'elements' | null;
  elements: number;
}

const VOID = new Set([
  'area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input',
  'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);
const FORM = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const P = new Set(['p']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DDT = new Set(['dd', 'dt']);
const RTP = new Set(['rt', 'rp']);
/** Opening the key closes an open element of these names on top of the stack (htmlparser2 rules). */
const IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])], ['th', new Set(['th'])], ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])], ['li', new Set(['li'])],
  ['select', FORM], ['input', FORM], ['output', FORM], ['button', FORM], ['datalist', FORM], ['textarea', FORM],
  ['option', new Set(['option'])], ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DDT], ['dt', DDT], ['rt', RTP], ['rp', RTP], ['tbody', TABLE_SECTION], ['tfoot', TABLE_SECTION],
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'address', 'article', 'aside', 'blockquote', 'details', 'div',
    'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre',
    'section', 'table', 'ul'].map((t): [string, Set<string>] => [t, P]),
]);
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** How often (in tokens) the time budget is looked at. */
const BUDGET_EVERY = 4096;

interface Open {
  name: string;
  /** Where children go: the element itself, or the nearest kept ancestor past the depth cap. */
  into: HElement;
}

/** Parses `html` into a compact DOM, honouring the element, depth and attribute caps and the budget. */
export function parseHtml(html: string, limits: ExtractLimits = DEFAULT_LIMITS, budget?: Budget): ParsedDocument {
  const root = new HElement('#document');
  const stack: Open[] = [];
  const counts = new Map<string, number>();
  const foreign: boolean[] = [false];
  let pending: HElement | null = null;
  let pendingName = '';
  let attrName = '';
  let attrValue = '';
  let elements = 0;
  let depth = 0;
  let tokens = 0;
  let truncated: ParsedDocument['truncated'] = null;
  let timedOut = false;

  const current = (): HElement => stack[stack.length - 1]?.into ?? root;
  const tick = (): boolean => {
    if (++tokens % BUDGET_EVERY === 0 && budget?.expired()) {
      timedOut = true;
      tokenizer.pause();
      return false;
    }
    return true;
  };
  const appendText = (data: string): void => {
    const parent = current();
    const last = parent.last;
    if (last && !last.isElement) {
      last.data += data;
      markChanged();
    } else parent.appendChild(new HText(data));
  };
  const pop = (): void => {
    const open = stack.pop()!;
    counts.set(open.name, counts.get(open.name)! - 1);
    depth--;
  };
  const closeNamed = (name: string): void => {
    if (!counts.get(name)) return;
    while (stack.length) {
      const top = stack[stack.length - 1]!.name;
      pop();
      if (top === name) return;
    }
  };
  const openTag = (name: string): void => {
    const implied = IMPLIES_CLOSE.get(name);
    if (implied) while (stack.length && implied.has(stack[stack.length - 1]!.name)) pop();
    const parent = current();
    pending = null;
    pendingName = name;
    const isVoid = VOID.has(name);
    if (!isVoid) {
      if (FOREIGN.has(name)) foreign.push(true);
      else if (HTML_INTEGRATION.has(name)) foreign.push(false);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      depth++;
      if (depth > limits.maxDepth) {
        // Past the depth cap the tag is not materialised (O(1), no node): its content flows into
        // the deepest kept element.
        stack.push({ name, into: parent });
        return;
      }
    }
    if (++elements > limits.maxElements) {
      elements = limits.maxElements;
      truncated = 'elements';
      tokenizer.pause();
      return;
    }
    const el = new HElement(name);
    pending = el;
    parent.appendChild(el);
    if (isVoid) return;
    // Template contents are inert (HTML §4.12.3): they go to a detached holder and are dropped.
    stack.push({ name, into: name === 'template' ? new HElement('#template') : el });
  };

  const cbs: TokenizerCallbacks = {
    ontext(start, end) {
      if (tick()) appendText(html.slice(start, end));
    },
    ontextentity(cp) {
      if (tick()) appendText(String.fromCodePoint(cp));
    },
    onopentagname(start, end) {
      if (tick()) openTag(html.slice(start, end).toLowerCase());
    },
    onattribname(start, end) {
      attrName = html.slice(start, end).toLowerCase();
      attrValue = '';
    },
    onattribdata(start, end) {
      attrValue += html.slice(start, end);
    },
    onattribentity(cp) {
      attrValue += String.fromCodePoint(cp);
    },
    onattribend() {
      if (pending && pending.attrs.size < limits.maxAttributes && !pending.attrs.has(attrName)) {
        pending.setAttr(attrName, attrValue);
      }
      attrValue = '';
    },
    onopentagend() {
      pending = null;
    },
    onselfclosingtag() {
      pending = null;
      // `<x/>` closes only in SVG/MathML; in HTML the slash is ignored (WHATWG §13.2.5.40).
      if (foreign[foreign.length - 1] && stack[stack.length - 1]?.name === pendingName) {
        if (FOREIGN.has(pendingName) || HTML_INTEGRATION.has(pendingName)) foreign.pop();
        pop();
      }
    },
    onclosetag(start, end) {
      if (!tick()) return;
      const name = html.slice(start, end).toLowerCase();
      if ((FOREIGN.has(name) || HTML_INTEGRATION.has(name)) && foreign.length > 1 && counts.get(name)) foreign.pop();
      if (VOID.has(name)) {
        if (name === 'br') {
          openTag('br'); // `</br>` is parsed as `<br>` (WHATWG §13.2.6.4.7)
          pending = null;
        }
      } else if (counts.get(name)) {
        closeNamed(name);
      } else if (name === 'p') {
        openTag('p'); // a stray `</p>` makes an empty paragraph
        pending = null;
        closeNamed('p');
      }
    },
    oncomment() {},
    oncdata() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, cbs);
  tokenizer.write(html);
  if (!truncated && !timedOut) tokenizer.end();
  budget?.check('parsing');
  return shapeDocument(root, truncated, elements);
}

/** Gives the tree the html/head/body shape a browser guarantees (stray nodes go into body). */
function shapeDocument(root: HElement, truncated: ParsedDocument['truncated'], elements: number): ParsedDocument {
  let html = root.children.find((c) => c.tag === 'html') ?? null;
  if (!html) {
    html = new HElement('html');
    while (root.first) html.appendChild(root.first);
    root.appendChild(html);
  }
  const head = html.children.find((c) => c.tag === 'head') ?? null;
  let body = html.children.find((c) => c.tag === 'body') ?? null;
  if (!body) {
    body = new HElement('body');
    for (let n = html.first; n; ) {
      const next = n.next;
      if (n !== head) body.appendChild(n);
      n = next;
    }
    html.appendChild(body);
  } else {
    // Content after </body> (or after </html>) belongs to the body in a browser.
    for (let n = body.next; n; ) {
      const next = n.next;
      body.appendChild(n);
      n = next;
    }
  }
  for (let n = root.first; n; ) {
    const next = n.next;
    if (n !== html && (n.isElement || n.data.trim())) body.appendChild(n);
    n = next;
  }
  const titleEl = root.findFirst('title');
  const title = titleEl ? titleEl.textContent.replace(/[\t\n\f\r ]+/g, ' ').trim() : '';
  return { root, html, head, body, title, truncated, elements };
}
