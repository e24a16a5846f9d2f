import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { parsePlainText } from './parse-plain-text.js';
import { mulberry32 } from '../../../test/support/mulberry32.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'text');

const random = mulberry32;

const ALPHABET = [
  'a',
  'e',
  'Z',
  ' ',
  ' ',
  '\n',
  '\n\n',
  '.',
  ',',
  '/',
  '>',
  '|',
  '»',
  '›',
  '-',
  '–',
  ':',
  '#',
  '©',
  '%',
  '$',
  '€',
  '1',
  '9',
  'ı',
  'İ',
  'ş',
  'ñ',
  'ß',
  'é',
  'Ж',
  'я',
  '中',
  '😀',
  '\u200B',
  '\uFEFF',
  '\r',
  '\t',
  '\uD800',
  '\uDC00',
  'Home',
  'Share',
  'Comments',
  'Yorum Ekleyin',
  'www.',
  '.com',
  'https://',
  'By ',
  'Photo:',
  'Tags:',
  'Read more',
  'battery life',
  'offer',
  'Daily',
  'News',
  ' said ',
  '"',
  '“',
  '”',
];

function randomText(next: () => number, length: number): string {
  let out = '';
  while (out.length < length) out += ALPHABET[Math.floor(next() * ALPHABET.length)] ?? '';
  return out;
}

function expectOnlyHeatwireErrors(input: string): void {
  try {
    const item = parsePlainText(input, 'fuzz.txt');
    expect(item.record.title.trim().length).toBeGreaterThan(0);
    expect(typeof item.text).toBe('string');
  } catch (err) {
    expect(err).toBeInstanceOf(HeatwireError);
  }
}

describe('parsePlainText never throws anything but HeatwireError', () => {
  it('on random text', () => {
    const next = random(20240314);
    for (let i = 0; i < 400; i++) expectOnlyHeatwireErrors(randomText(next, Math.floor(next() * 2000)));
  });

  it('on truncated and shuffled fixtures', () => {
    const next = random(7);
    const inputs = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(FIXTURES, f), 'utf8'));
    for (const input of inputs) {
      for (let k = 0; k < 15; k++)
        expectOnlyHeatwireErrors(input.slice(0, Math.floor(next() * input.length)));
      const lines = input.split('\n');
      for (let k = 0; k < 5; k++) {
        expectOnlyHeatwireErrors([...lines].sort(() => next() - 0.5).join('\n'));
      }
    }
  });

  it('on non-string input from untyped callers', () => {
    for (const bad of [undefined, null, 42, {}, ['a']]) {
      expect(() => parsePlainText(bad as never, 'js.txt')).toThrow(HeatwireError);
    }
  });
});
