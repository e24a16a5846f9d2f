/**
 * A compact mutable DOM for extraction: elements and text only (comments, doctypes and processing
 * instructions are dropped at parse time), siblings as a doubly linked list so that removal and
 * traversal are O(1) per step. Every walk below is iterative: a tree is never recursed into, so
 * depth cannot exhaust the stack (the parser caps depth as well).
 */

/**
 * Bumped by every structural change; a value cached on an element (its text length) is valid only
 * for the epoch it was computed in. Scoring measures the same subtrees many times between
 * mutations, so this turns repeated walks into lookups. Only numbers are cached, never strings,
 * so the cache cannot grow with depth × text size on a hostile page.
 */
let epoch = 0;

/** Marks the tree as changed (for callers that edit text in place). */
export function markChanged(): void {
  epoch++;
}

const NO_ATTRIBUTES: ReadonlyMap<string, string> = new Map();

/** A node: element or text. */
export type HNode = HElement | HText;

/** A text node; `data` is already entity-decoded. */
export class HText {
  readonly isElement = false;
  parent: HElement | null = null;
  prev: HNode | null = null;
  next: HNode | null = null;

  constructor(public data: string) {}

  /** Detaches this node from its parent. */
  remove(): void {
    detach(this);
  }
}

/** An element with lower-case `tag` and attributes in source order (first value wins). */
export class HElement {
  readonly isElement = true;
  parent: HElement | null = null;
  prev: HNode | null = null;
  next: HNode | null = null;
  first: HNode | null = null;
  last: HNode | null = null;
  /** Content score while scoring; undefined until the node is initialised as a candidate. */
  score: number | undefined = undefined;
  /** Set by the data-table pass: a table that holds data rather than layout. */
  dataTable: boolean | undefined = undefined;
  private cachedLength = 0;
  private cachedEpoch = -1;

  /** Attributes; elements without any share one empty map until `setAttr` (most have none). */
  attrs: ReadonlyMap<string, string>;

  constructor(
    public tag: string,
    attrs?: Map<string, string>,
  ) {
    this.attrs = attrs ?? NO_ATTRIBUTES;
  }

  getAttr(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }

  setAttr(name: string, value: string): void {
    if (this.attrs === NO_ATTRIBUTES) this.attrs = new Map();
    (this.attrs as Map<string, string>).set(name, value);
  }

  removeAttr(name: string): void {
    if (this.attrs.has(name)) (this.attrs as Map<string, string>).delete(name);
  }

  hasAttr(name: string): boolean {
    return this.attrs.has(name);
  }

  get className(): string {
    return this.attrs.get('class') ?? '';
  }

  get id(): string {
    return this.attrs.get('id') ?? '';
  }

  /** Detaches this element (with its subtree) from its parent. */
  remove(): void {
    detach(this);
  }

  /** Appends `node` as last child, detaching it from where it was. */
  appendChild(node: HNode): void {
    detach(node);
    epoch++;
    node.parent = this;
    node.prev = this.last;
    if (this.last) this.last.next = node;
    else this.first = node;
    this.last = node;
  }

  /** Inserts `node` before `ref` (a child of this element), detaching it first. */
  insertBefore(node: HNode, ref: HNode | null): void {
    if (!ref) return this.appendChild(node);
    detach(node);
    epoch++;
    node.parent = this;
    node.prev = ref.prev;
    node.next = ref;
    if (ref.prev) ref.prev.next = node;
    else this.first = node;
    ref.prev = node;
  }

  /** Puts `node` where this element is and detaches this element. */
  replaceWith(node: HNode): void {
    const parent = this.parent;
    if (!parent || node === this) return;
    parent.insertBefore(node, this);
    detach(this);
  }

  get firstElementChild(): HElement | null {
    for (let n = this.first; n; n = n.next) if (n.isElement) return n;
    return null;
  }

  get nextElementSibling(): HElement | null {
    for (let n = this.next; n; n = n.next) if (n.isElement) return n;
    return null;
  }

  get previousElementSibling(): HElement | null {
    for (let n = this.prev; n; n = n.prev) if (n.isElement) return n;
    return null;
  }

  /** Element children, as a snapshot array. */
  get children(): HElement[] {
    const out: HElement[] = [];
    for (let n = this.first; n; n = n.next) if (n.isElement) out.push(n);
    return out;
  }

  /** All child nodes, as a snapshot array. */
  get childNodes(): HNode[] {
    const out: HNode[] = [];
    for (let n = this.first; n; n = n.next) out.push(n);
    return out;
  }

  /** Number of element children, without allocating. */
  get childElementCount(): number {
    let count = 0;
    for (let n = this.first; n; n = n.next) if (n.isElement) count++;
    return count;
  }

  /** Concatenated text of all descendant text nodes (DOM `textContent`). */
  get textContent(): string {
    let out = '';
    walk(this, (n) => {
      if (!n.isElement) out += n.data;
    });
    return out;
  }

  /** A text length computed by `compute`, cached until the tree next changes. */
  cachedTextLength(compute: () => number): number {
    if (this.cachedEpoch !== epoch) {
      this.cachedLength = compute();
      this.cachedEpoch = epoch;
    }
    return this.cachedLength;
  }

  /** Descendants (not this element) whose tag is in `tags`, in document order. */
  findAll(tags: string | ReadonlySet<string>): HElement[] {
    const out: HElement[] = [];
    const match = typeof tags === 'string' ? (t: string) => t === tags : (t: string) => tags.has(t);
    walk(this, (n) => {
      if (n !== this && n.isElement && match(n.tag)) out.push(n);
    });
    return out;
  }

  /** First descendant with one of `tags`, or null. */
  findFirst(tags: string | ReadonlySet<string>): HElement | null {
    const match = typeof tags === 'string' ? (t: string) => t === tags : (t: string) => tags.has(t);
    for (let n = nextInTree(this, this, false); n; n = nextInTree(n, this, false)) {
      if (n.isElement && match(n.tag)) return n;
    }
    return null;
  }
}

/** Unlinks `node` from its parent and siblings. */
function detach(node: HNode): void {
  const parent = node.parent;
  if (!parent) return;
  epoch++;
  if (node.prev) node.prev.next = node.next;
  else parent.first = node.next;
  if (node.next) node.next.prev = node.prev;
  else parent.last = node.prev;
  node.parent = node.prev = node.next = null;
}

/** The node after `node` in document order, staying inside `root`; null at the end. */
export function nextInTree(node: HNode, root: HNode, skipChildren: boolean): HNode | null {
  if (!skipChildren && node.isElement && node.first) return node.first;
  let cur: HNode | null = node;
  while (cur && cur !== root && !cur.next) cur = cur.parent;
  return !cur || cur === root ? null : cur.next;
}

/**
 * Visits `root` and its descendants in document order without recursion. Returning `false` from
 * `visit` skips the node's children.
 */
export function walk(root: HNode, visit: (node: HNode) => boolean | void): void {
  for (let n: HNode | null = root; n; ) n = nextInTree(n, root, visit(n) === false);
}

/**
 * The next element in depth-first order after `node`: its first child element unless
 * `skipChildren`, else the next element sibling of it or of the nearest ancestor that has one.
 */
export function nextElement(node: HElement, skipChildren = false): HElement | null {
  if (!skipChildren) {
    const child = node.firstElementChild;
    if (child) return child;
  }
  let cur: HElement | null = node;
  while (cur) {
    const sibling = cur.nextElementSibling;
    if (sibling) return sibling;
    cur = cur.parent;
  }
  return null;
}

/** Deep copy of a subtree (scores and marks are not copied). */
export function cloneTree(root: HElement): HElement {
  const copy = new HElement(root.tag, root.attrs.size ? new Map(root.attrs) : undefined);
  const stack: Array<[HElement, HElement]> = [[root, copy]];
  while (stack.length) {
    const [src, dst] = stack.pop()!;
    for (let n = src.first; n; n = n.next) {
      if (n.isElement) {
        const el = new HElement(n.tag, n.attrs.size ? new Map(n.attrs) : undefined);
        dst.appendChild(el);
        stack.push([n, el]);
      } else {
        dst.appendChild(new HText(n.data));
      }
    }
  }
  return copy;
}

/** Renames an element in place (the DOM would replace it; here the node keeps its identity). */
export function setTag(el: HElement, tag: string): HElement {
  el.tag = tag;
  return el;
}
