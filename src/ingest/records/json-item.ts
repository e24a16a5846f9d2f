import type { IncomingItem } from '../../core/article.js';
import { HeatwireError } from '../../core/errors.js';
import { findJsonError } from './find-json-error.js';
import { isPlainObject, validateRecord } from './validate-record.js';

/**
 * Turns one parsed JSON object into an item: the optional `text` and `html` fields are moved out
 * of the record (they are the body, not record fields); the rest is validated and kept in order.
 */
export function toJsonItem(
  value: unknown,
  origin: string,
  where: { line?: number; prefix?: string } = {},
): IncomingItem {
  const { line, prefix = '' } = where;
  try {
    const { text, html, record } = splitBodyFields(value, origin, line);
    const item: IncomingItem = { record: validateRecord(record, origin, { line }), origin };
    if (text !== undefined && text.trim() !== '') item.text = text;
    if (html !== undefined && html.trim() !== '') item.html = html;
    if (line !== undefined) item.line = line;
    return item;
  } catch (err) {
    // Array elements: say which one failed (`[3].title: …`).
    if (err instanceof HeatwireError && prefix) {
      throw new HeatwireError(err.code, `${prefix}${detailOf(err)}`, {
        input: origin,
        line,
        cause: err.cause,
      });
    }
    throw err;
  }
}

function splitBodyFields(value: unknown, origin: string, line: number | undefined) {
  if (!isPlainObject(value)) return { record: value, text: undefined, html: undefined };
  const { text, html, ...record } = value;
  for (const [name, field] of [
    ['text', text],
    ['html', html],
  ] as const) {
    if (field !== undefined && typeof field !== 'string') {
      throw new HeatwireError('RECORD_INVALID', `${name}: must be a string`, { input: origin, line });
    }
  }
  return { record, text: text as string | undefined, html: html as string | undefined };
}

/** The error's message without the catalogue's generic prefix. */
function detailOf(err: HeatwireError): string {
  const colon = err.message.indexOf(': ');
  return colon < 0 ? err.message : err.message.slice(colon + 2);
}

/** Parses JSON text, turning a SyntaxError into JSON_SYNTAX with the line of the first error. */
export function parseJsonText(text: string, origin: string, baseLine = 1): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const offset = findJsonError(text);
    const line = baseLine + (offset < 0 ? 0 : countNewlines(text, offset));
    throw new HeatwireError('JSON_SYNTAX', message, { input: origin, line, cause: err });
  }
}

function countNewlines(text: string, end: number): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) count += 1;
  return count;
}
