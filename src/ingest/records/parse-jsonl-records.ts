import type { IncomingItem } from '../../core/article.js';
import { HeatwireError } from '../../core/errors.js';
import type { NewsRecord } from '../../core/record.js';
import { parseJsonText, toJsonItem } from './json-item.js';

/** Items that parsed and one error per line that did not. */
export interface ParsedRecords {
  items: IncomingItem[];
  errors: HeatwireError[];
}

/**
 * Parses JSON Lines (jsonlines.org): one record object per line, with optional `text` (plain full
 * text) or `html` fields moved into `item.text` / `item.html`. Blank lines are skipped. A broken
 * line gives one error carrying its 1-based line number; every other line still parses.
 *
 * @example parseJsonlRecords('{"title":"A"}\n{oops\n', 'x.jsonl')
 *   // → { items: [{ record: { title: 'A' }, origin: 'x.jsonl', line: 1 }], errors: [JSON_SYNTAX at line 2] }
 */
export function parseJsonlRecords(text: string, origin: string): ParsedRecords {
  const result: ParsedRecords = { items: [], errors: [] };
  const lines = text.split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    // CRLF files and a UTF-8 BOM on the first line are common in exported JSONL.
    const content = (index === 0 ? raw.replace(/^\uFEFF/, '') : raw).replace(/\r$/, '');
    if (content.trim() === '') return;
    try {
      result.items.push(parseJsonlLine(content, origin, line));
    } catch (err) {
      result.errors.push(jsonlLineError(err, origin, line));
    }
  });
  return result;
}

/**
 * One JSONL line (without its newline, CR or BOM) as an item carrying its line number; throws
 * JSON_SYNTAX or RECORD_INVALID naming the line. File ingest streams lines through this directly.
 */
export function parseJsonlLine(content: string, origin: string, line: number): IncomingItem {
  return toJsonItem(parseJsonText(content, origin, line), origin, { line });
}

/** What a line that failed to parse is reported as: its HeatwireError, or INTERNAL at that line. */
export function jsonlLineError(err: unknown, origin: string, line: number): HeatwireError {
  return err instanceof HeatwireError
    ? err
    : new HeatwireError('INTERNAL', String(err), { input: origin, line, cause: err });
}

/**
 * Writes one record as one JSONL line (no trailing newline), with the full text as a `text` field
 * when given. JSON.stringify escapes U+000A, so the record can never span two lines.
 */
export function writeJsonlRecord(record: NewsRecord, text?: string): string {
  return JSON.stringify(text === undefined ? record : { ...record, text });
}
