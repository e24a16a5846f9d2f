import { HeatwireError } from '../../core/errors.js';
import { NewsRecordSchema, describeZodError, type NewsRecord } from '../../core/record.js';

/** Where a validation failure points: a fixed line, or a lookup from the failing field's path. */
export interface RecordLocation {
  line?: number;
  lineOf?: (path: ReadonlyArray<PropertyKey>) => number | undefined;
}

/**
 * Checks a parsed value against `NewsRecordSchema` and returns the SAME object: zod's output is a
 * copy with the known keys first, not the record as it came. Throws RECORD_INVALID naming the
 * field, e.g. `publishedDateTime: not a real ISO 8601 …` or `title: required string is missing`.
 */
export function validateRecord(value: unknown, origin: string, where: RecordLocation = {}): NewsRecord {
  if (!isPlainObject(value)) {
    const kind = value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value;
    throw new HeatwireError('RECORD_INVALID', `the record must be a mapping of fields, got ${kind}`, {
      input: origin,
      line: where.line,
    });
  }
  let result;
  try {
    result = NewsRecordSchema.safeParse(value);
  } catch (err) {
    // Pathologically deep `related` nesting can exhaust the stack inside zod.
    throw new HeatwireError('RECORD_INVALID', 'the record is nested too deeply', {
      input: origin,
      line: where.line,
      cause: err,
    });
  }
  if (!result.success) {
    const first = result.error.issues[0];
    const line = (first && where.lineOf?.(first.path)) ?? where.line;
    // zod says "expected string, received undefined" for an absent field; say it plainly.
    const detail = describeZodError(result.error).replace(
      /Invalid input: expected (\w+), received undefined/g,
      'required $1 is missing',
    );
    throw new HeatwireError('RECORD_INVALID', detail, { input: origin, line, cause: result.error });
  }
  return value as NewsRecord;
}

/** True for `{…}` objects (not arrays, not null, not class instances such as Date). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
