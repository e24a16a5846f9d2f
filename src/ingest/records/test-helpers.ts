import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { HeatwireError, type ErrorCode } from '../../core/errors.js';

const here = dirname(fileURLToPath(import.meta.url));

/** Reads a fixture from test/fixtures/records. */
export function readFixture(name: string): string {
  return readFileSync(join(resolve(here, '../../../test/fixtures/records'), name), 'utf8');
}

/** Object keys in order, recursively: equal values in another order must not compare equal. */
export function keyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(keyOrder);
  if (value && typeof value === 'object') return Object.entries(value).map(([k, v]) => [k, keyOrder(v)]);
  return null;
}

/** Runs `fn`, expects a HeatwireError with `code`, and returns it for further checks. */
export function expectHeatwireError(fn: () => unknown, code: ErrorCode): HeatwireError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(HeatwireError);
  expect((thrown as HeatwireError).code).toBe(code);
  return thrown as HeatwireError;
}
