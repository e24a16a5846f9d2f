import {
  LineCounter,
  Scalar,
  isMap,
  isNode,
  isScalar,
  isSeq,
  parseDocument,
  visit,
  type Document,
  type Node,
  type ParsedNode,
} from 'yaml';
import type { IncomingItem } from '../../core/article.js';
import { HeatwireError } from '../../core/errors.js';
import { splitFrontMatter, trimBody } from './split-front-matter.js';
import { validateRecord } from './validate-record.js';

/**
 * YAML 1.2 with the core schema (YAML 1.2 §10.3): `2023-08-16T13:00:00Z`, `yes` and `on` stay
 * strings (YAML 1.1 would make a timestamp and booleans). Merge keys (`<<`) are a YAML 1.1 feature
 * and stay ordinary keys. Warnings (unknown tags) are not fatal: the value is read as a string.
 */
const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  uniqueKeys: isSameKey,
  prettyErrors: true,
  logLevel: 'silent',
} as const;

/**
 * Parses a news-record document (DESIGN.md §2): YAML front matter between `---` lines, then an
 * optional body (the full text). The record is the parsed object as it came — key order, unknown
 * fields and nested `related` records kept — checked against `NewsRecordSchema`.
 *
 * Throws HeatwireError with `input` = origin and the file line where known: INPUT_EMPTY,
 * RECORD_UNCLOSED, RECORD_YAML (malformed YAML, duplicate keys), RECORD_INVALID (schema).
 *
 * @example parseRecordDocument('---\ntitle: "Hello"\n---\n\nBody.\n', 'a.md')
 *   // → { record: { title: 'Hello' }, text: 'Body.', origin: 'a.md' }
 */
export function parseRecordDocument(text: string, origin: string): IncomingItem {
  const parts = splitFrontMatter(text, origin);
  const lineCounter = new LineCounter();
  const fileLine = (offset: number): number => lineCounter.linePos(offset).line + parts.openLine;

  let value: unknown;
  let doc;
  try {
    doc = parseDocument(parts.yaml, { ...PARSE_OPTIONS, lineCounter });
    const first = doc.errors[0];
    if (first) {
      const quoteAt = first.code === 'MISSING_CHAR' ? openQuoteOffset(doc, first.pos[0]) : undefined;
      const detail = describeYamlError(
        first.message,
        quoteAt === undefined ? first.linePos?.[0]?.col : undefined,
      );
      throw new HeatwireError('RECORD_YAML', detail, {
        input: origin,
        line: fileLine(quoteAt ?? first.pos[0]),
        cause: first,
      });
    }
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    if (err instanceof HeatwireError) throw err;
    // toJS fails on alias bombs (maxAliasCount) and the parser on absurd nesting (stack).
    const message = err instanceof Error ? err.message : String(err);
    throw new HeatwireError('RECORD_YAML', message, { input: origin, line: parts.openLine + 1, cause: err });
  }

  const root = doc.contents;
  const record = validateRecord(value, origin, {
    line: parts.openLine,
    lineOf: (path) => {
      const offset = offsetOfPath(root, path);
      return offset === undefined ? undefined : fileLine(offset);
    },
  });
  const body = trimBody(parts.rest);
  return body === undefined ? { record, origin } : { record, text: body, origin };
}

/**
 * Duplicate-key test: `1: a` and `"1": b` are distinct YAML nodes but the same JS property, so
 * one would silently overwrite the other; compare them as the property names they become.
 */
function isSameKey(a: ParsedNode, b: ParsedNode): boolean {
  if (a === b) return true;
  if (!isScalar(a) || !isScalar(b)) return false;
  return propertyName(a.value) === propertyName(b.value);
}

/** The JS property name a scalar key becomes (yaml's toJS: null → '', others → String()). */
function propertyName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  return value === null || value === undefined ? '' : (JSON.stringify(value) ?? '');
}

/** "Map keys must be unique (column 3)": the yaml message without its own line and context. */
function describeYamlError(message: string, col: number | undefined): string {
  const head = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return col === undefined ? head : `${head} (column ${col})`;
}

/**
 * yaml reports an unclosed quoted string where the input ends; the useful line is where the
 * quote opened: the start of the quoted scalar that runs up to the error.
 */
function openQuoteOffset(doc: Document.Parsed, errorOffset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const quoted = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE;
      if (quoted && node.range && node.range[1] >= errorOffset) found = node.range[0];
    },
  });
  return found;
}

/** Source offset of the deepest node on `path` (a zod issue path), to report the field's line. */
function offsetOfPath(root: Node | null, path: ReadonlyArray<PropertyKey>): number | undefined {
  let node: unknown = root;
  let offset = isNode(root) ? root.range?.[0] : undefined;
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && propertyName(p.key.value) === String(step));
      if (!pair) break;
      if (isScalar(pair.key) && pair.key.range) offset = pair.key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof step === 'number') {
      const item = node.items[step];
      if (!isNode(item)) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}
