import type { HElement } from './dom.js';
import {
  classWeight,
  DIV_TO_P_ELEMS,
  hasAncestorTag,
  innerText,
  innerTextLength,
  linkDensity,
  type PassFlags,
  RE,
  textDensity,
} from './signals.js';

/**
 * Conditional cleaning (after Readability's `_cleanConditionally` and `_markDataTables`): a
 * table, list or div inside the article is dropped when it looks like boilerplate — negative
 * class hints, many links, more images or list items than paragraphs, form inputs, lone embeds.
 * Data tables and anything inside them or inside `<code>` are kept.
 */

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const LISTS = new Set(['ul', 'ol']);
const EMBEDS = new Set(['object', 'embed', 'iframe']);
const TEXTISH = new Set(['span', 'li', 'td', ...DIV_TO_P_ELEMS]);
const COUNTED = new Set(['p', 'img', 'li', 'input', ...EMBEDS]);
const DATA_DESCENDANTS = new Set(['col', 'colgroup', 'tfoot', 'thead', 'th']);

/** Marks each table under `root` as data (`true`) or layout (`false`), as a screen reader would. */
export function markDataTables(root: HElement): void {
  for (const table of root.findAll('table')) table.dataTable = isDataTable(table);
}

function isDataTable(table: HElement): boolean {
  if (table.getAttr('role') === 'presentation') return false;
  if (table.getAttr('datatable') === '0') return false;
  if (table.getAttr('summary')) return true;
  const caption = table.findFirst('caption');
  if (caption?.first) return true;
  if (table.findFirst(DATA_DESCENDANTS)) return true;
  if (table.findFirst('table')) return false;
  let rows = 0;
  let columns = 0;
  for (const tr of table.findAll('tr')) {
    rows += parseInt(tr.getAttr('rowspan') ?? '', 10) || 1;
    let inRow = 0;
    for (const td of tr.findAll('td')) inRow += parseInt(td.getAttr('colspan') ?? '', 10) || 1;
    columns = Math.max(columns, inRow);
  }
  if (columns === 1 || rows === 1) return false;
  if (rows >= 10 || columns > 4) return true;
  return rows * columns > 10;
}

/** Removes the `tag` descendants of `root` that look like boilerplate (when the pass allows it). */
export function cleanConditionally(root: HElement, tag: string, flags: PassFlags): void {
  if (!flags.cleanConditionally) return;
  for (const node of root.findAll(tag).reverse()) {
    if (node.parent && shouldRemove(node, tag, flags)) node.remove();
  }
}

const isData = (t: HElement): boolean => t.dataTable === true;

/** ASCII commas in `s`, without splitting it (the node may hold megabytes of text). */
function countCommas(s: string): number {
  let count = 0;
  for (let i = s.indexOf(','); i !== -1 && count < 10; i = s.indexOf(',', i + 1)) count++;
  return count;
}

function shouldRemove(node: HElement, tag: string, flags: PassFlags): boolean {
  let isList = LISTS.has(tag);
  if (!isList) {
    let listLength = 0;
    for (const list of node.findAll(LISTS)) listLength += innerTextLength(list);
    isList = listLength / innerTextLength(node) > 0.9;
  }
  if (tag === 'table' && isData(node)) return false;
  if (hasAncestorTag(node, 'table', -1, isData)) return false;
  if (hasAncestorTag(node, 'code')) return false;
  if (node.findAll('table').some(isData)) return false;

  const weight = classWeight(node, flags);
  if (weight < 0) return true;
  if (countCommas(innerText(node)) >= 10) return false;

  // One walk for all the counts (a div can hold most of a page; each findAll is a full walk).
  let p = 0;
  let img = 0;
  let li = -100;
  let input = 0;
  let embedCount = 0;
  for (const el of node.findAll(COUNTED)) {
    if (el.tag === 'p') p++;
    else if (el.tag === 'img') img++;
    else if (el.tag === 'li') li++;
    else if (el.tag === 'input') input++;
    else {
      // A known video host is content, whatever else the block looks like.
      if ([...el.attrs.values()].some((v) => RE.videos.test(v))) return false;
      embedCount++;
    }
  }
  const headingDensity = textDensity(node, HEADINGS);
  const text = innerText(node);
  if (RE.adWords.test(text) || RE.loadingWords.test(text)) return true;

  const contentLength = text.length;
  const density = linkDensity(node);
  const textishDensity = textDensity(node, TEXTISH);
  const isFigureChild = hasAncestorTag(node, 'figure');

  const remove =
    (!isFigureChild && img > 1 && p / img < 0.5) ||
    (!isList && li > p) ||
    input > Math.floor(p / 3) ||
    (!isList && !isFigureChild && headingDensity < 0.9 && contentLength < 25 && (img === 0 || img > 2) && density > 0) ||
    (!isList && weight < 25 && density > 0.2) ||
    (weight >= 25 && density > 0.5) ||
    (embedCount === 1 && contentLength < 75) ||
    embedCount > 1 ||
    (img === 0 && textishDensity === 0);

  // A list of images (one per item) stays.
  if (isList && remove) {
    if (node.children.some((child) => child.childElementCount > 1)) return remove;
    if (img === li + 100) return false;
  }
  return remove;
}
