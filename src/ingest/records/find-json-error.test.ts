import { describe, expect, it } from 'vitest';
import { findJsonError } from './find-json-error.js';
import { createRandom, createRecordGenerator } from '../../../test/fixtures/records/random-record.js';

describe('findJsonError', () => {
  it.each([
    ['{"a": }', 6],
    ['{"a":1', 6],
    ['{"a":1}x', 7],
    ['', 0],
    ['[1,]', 3],
    ['{,}', 1],
    ['{"a" 1}', 5],
    ['"tab\there"', 4],
    ['"bad \\x escape"', 5],
    ['[01]', 2],
    ['[tru]', 1],
    ['{"a":[1,2}', 9],
  ])('%j fails at %i', (text, offset) => {
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(findJsonError(text)).toBe(offset);
  });

  it('accepts what JSON.parse accepts', () => {
    const random = createRandom(3);
    const gen = createRecordGenerator(random);
    for (let i = 0; i < 50; i++) {
      const text = JSON.stringify(gen.record(2), null, i % 2 ? 2 : undefined);
      expect(findJsonError(text)).toBe(-1);
    }
    for (const text of [
      '0',
      '-1.5e+3',
      'true',
      'null',
      ' [ ] ',
      '{}',
      '"\\u00e9\\n"',
      `${'['.repeat(100000)}${']'.repeat(100000)}`,
    ]) {
      expect(findJsonError(text), text.slice(0, 10)).toBe(-1);
    }
  });
});
