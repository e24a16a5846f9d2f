import { Document, Scalar, isMap, isScalar, isSeq, parse } from 'yaml';
import { isRealIsoDateTime, type NewsRecord } from '../../core/record.js';
import { trimBody } from './split-front-matter.js';

/** Fields the seeds always write double-quoted (any field ending in `Url`/`url` too). */
const DOUBLE_QUOTED_KEYS = new Set(['title', 'excerpt', 'secured']);
/** Date-time fields the seeds write plain (a string under YAML 1.2 core, as the reader uses). */
const PLAIN_DATE_KEYS = new Set(['publishedDateTime', 'updatedDateTime']);

const TO_STRING_OPTIONS = {
  version: '1.2',
  // Never fold: a folded excerpt is still valid YAML but no longer greppable or diffable.
  lineWidth: 0,
  minContentWidth: 0,
  indent: 2,
  indentSeq: true,
  blockQuote: 'literal',
  // Keep double-quoted strings on one line (`\n` escapes) instead of YAML's multi-line form.
  doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER,
  defaultStringType: 'PLAIN',
  defaultKeyType: null,
} as const;

/**
 * Writes a news record in the seed format: `---`, YAML front matter, `---`, then the body (the
 * full text) after a blank line when given. Lossless with `parseRecordDocument`: field order,
 * unknown fields and nested `related` records come back deep-equal.
 *
 * Layout follows the seeds: a blank line before each top-level block collection and before
 * `secured`; title, excerpt, secured and URLs double-quoted; no folding. Any other string that a
 * YAML 1.2 or YAML 1.1 reader would take for something else (`yes`, `1:20`, `2023-08-16`, `null`,
 * `012`) is double-quoted; `publishedDateTime`/`updatedDateTime` stay plain like the seeds.
 */
export function writeRecordDocument(record: NewsRecord, body?: string): string {
  // aliasDuplicateObjects: a provider object shared by two records is written twice, never as a
  // YAML anchor/alias pair that other front-matter readers may not resolve.
  const doc = new Document(record, { version: '1.2', schema: 'core', aliasDuplicateObjects: false });
  styleNode(doc.contents, undefined);
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, index) => {
      const isBlock = (isMap(pair.value) || isSeq(pair.value)) && pair.value.items.length > 0;
      const key = isScalar(pair.key) ? pair.key.value : undefined;
      if (index > 0 && isScalar(pair.key) && (isBlock || key === 'secured')) pair.key.spaceBefore = true;
    });
  }
  const text = body === undefined ? undefined : trimBody(body);
  return `---\n${doc.toString(TO_STRING_OPTIONS)}---\n${text === undefined ? '' : `\n${text}\n`}`;
}

/** Sets the quoting style of every string scalar below `node`; `key` is the field it belongs to. */
function styleNode(node: unknown, key: string | undefined): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (isScalar(pair.key)) styleString(pair.key, undefined);
      styleNode(pair.value, name);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) styleNode(item, key);
  } else if (isScalar(node)) {
    styleString(node, key);
  }
}

function styleString(scalar: Scalar, key: string | undefined): void {
  const value = scalar.value;
  if (typeof value !== 'string') return;
  if (key !== undefined && (DOUBLE_QUOTED_KEYS.has(key) || /url$/i.test(key))) {
    scalar.type = Scalar.QUOTE_DOUBLE;
  } else if (key !== undefined && PLAIN_DATE_KEYS.has(key) && isRealIsoDateTime(value)) {
    scalar.type = Scalar.PLAIN;
  } else if (!value.includes('\n') && !readsBackUnchanged(value)) {
    scalar.type = Scalar.QUOTE_DOUBLE;
  }
}

/**
 * Whether `value` written plain reads back as the same string under YAML 1.1 too (PyYAML, Ruby,
 * many static-site generators): 1.1 takes `yes`/`on`/`y` for booleans, `1:20` for sexagesimal
 * numbers, `2023-08-16` for a date (YAML 1.1 types, yaml.org/type/). Core-schema ambiguities
 * (`true`, `12`, `null`) are quoted by the yaml library itself.
 */
function readsBackUnchanged(value: string): boolean {
  // Fast path: a YAML 1.1 number, date, null or merge key cannot start with a letter, so only the
  // boolean/null words need the full check (which costs a parse per scalar).
  if (/^\p{L}/u.test(value) && !/^(?:y|yes|n|no|true|false|on|off|null)$/i.test(value)) return true;
  try {
    return parse(value, { version: '1.1', logLevel: 'silent' }) === value;
  } catch {
    return false;
  }
}
