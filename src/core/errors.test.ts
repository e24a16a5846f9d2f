import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, HeatwireError, toHeatwireError } from './errors.js';

describe('error catalogue', () => {
  it('matches docs/errors.md row for row', () => {
    const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
    const rows = [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d+) \| (yes|no) \| (.+) \|$/gm)].map((m) => ({
      code: m[1],
      status: Number(m[2]),
      retryable: m[3] === 'yes',
      message: m[4],
    }));
    const catalogue = Object.entries(ERROR_CODES).map(([code, v]) => ({ code, status: v.status, retryable: v.retryable, message: v.message }));
    expect(rows).toEqual(catalogue);
  });

  it('describes an error with its input and line', () => {
    const e = new HeatwireError('RECORD_YAML', 'bad indentation', { input: 'a.md', line: 7 });
    expect(e.describe()).toBe('a.md:7: RECORD_YAML the front matter is not valid YAML: bad indentation');
    expect(e.retryable).toBe(false);
  });

  it('wraps foreign errors as INTERNAL and adds a missing input', () => {
    expect(toHeatwireError(new Error('boom'), 'x').describe()).toBe('x: INTERNAL an unexpected internal error: boom');
    const withInput = toHeatwireError(new HeatwireError('INPUT_EMPTY'), 'empty.md');
    expect(withInput.input).toBe('empty.md');
    expect(withInput.code).toBe('INPUT_EMPTY');
  });
});
