import type { IncomingItem } from '../../core/article.js';
import { HeatwireError, toHeatwireError } from '../../core/errors.js';
import { parseJsonText, toJsonItem } from './json-item.js';
import type { ParsedRecords } from './parse-jsonl-records.js';

/**
 * Parses a `.json` file holding one record object or an array of them, each with optional `text`
 * / `html` fields (as in JSONL). All or nothing: throws JSON_SYNTAX (with the line) or the first
 * element's RECORD_INVALID (message prefixed `[i].`). Use `collectJsonRecords` to keep the good
 * elements of an array when some are bad.
 */
export function parseJsonRecords(text: string, origin: string): IncomingItem[] {
  const { items, errors } = collectJsonRecords(text, origin);
  if (errors[0]) throw errors[0];
  return items;
}

/**
 * Like `parseJsonRecords`, but an invalid array element becomes one error (detail prefixed with
 * its index, e.g. `[3].title: …`) and every other element still parses.
 */
export function collectJsonRecords(text: string, origin: string): ParsedRecords {
  let value: unknown;
  try {
    value = parseJsonText(text.replace(/^\uFEFF/, ''), origin);
  } catch (err) {
    return { items: [], errors: [toHeatwireError(err, origin)] };
  }
  if (!Array.isArray(value)) {
    try {
      return { items: [toJsonItem(value, origin)], errors: [] };
    } catch (err) {
      return { items: [], errors: [toHeatwireError(err, origin)] };
    }
  }
  const result: ParsedRecords = { items: [], errors: [] };
  if (value.length === 0)
    result.errors.push(
      new HeatwireError('INPUT_EMPTY', 'the JSON array holds no records', { input: origin }),
    );
  value.forEach((element, index) => {
    try {
      result.items.push(toJsonItem(element, origin, { prefix: `[${index}].` }));
    } catch (err) {
      result.errors.push(toHeatwireError(err, origin));
    }
  });
  return result;
}
