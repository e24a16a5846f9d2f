import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { NewsRecordSchema } from '../../core/record.js';
import { sharedAvailable, sharedPath } from '../../../test/support/shared.js';
import { parsePlainText } from './parse-plain-text.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'text');

interface Expected {
  title: string;
  provider: { name: string; domain?: string } | null;
  mustContain: string[];
  mustNotContain: string[];
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => f.replace(/\.txt$/, ''));

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  return undefined;
}

describe('parsePlainText on written fixtures', () => {
  it('has at least 12 fixtures covering six languages', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
    for (const lang of ['en', 'tr', 'es', 'de', 'fr', 'ru']) {
      expect(
        fixtures.some((f) => f.startsWith(`${lang}-`)),
        lang,
      ).toBe(true);
    }
  });

  it.each(fixtures)('%s', (name) => {
    const input = readFileSync(join(FIXTURES, `${name}.txt`), 'utf8');
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
    const item = parsePlainText(input, `${name}.txt`);

    expect(item.origin).toBe(`${name}.txt`);
    expect(item.record.title).toBe(expected.title);
    expect(item.record.provider ?? null).toEqual(expected.provider);
    expect(item.record.category).toBe('news');
    expect(item.record.type).toBe('article');
    expect(Object.keys(item.record).sort()).toEqual(
      ['category', 'title', 'type', ...(expected.provider ? ['provider'] : [])].sort(),
    );
    expect(NewsRecordSchema.safeParse(item.record).success).toBe(true);
    for (const snippet of expected.mustContain) expect(item.text).toContain(snippet);
    for (const snippet of expected.mustNotContain) expect(item.text).not.toContain(snippet);
    // Paragraphs are separated by exactly one blank line, none empty.
    expect(item.text?.split('\n\n').every((p) => p.trim().length > 0)).toBe(true);
  });
});

describe.skipIf(!sharedAvailable('seeds'))('parsePlainText on the raw-page seed', () => {
  const seed = (): string => readFileSync(sharedPath('seeds', '002_d58b627f07bf3a7d.txt'), 'utf8');
  const paragraphsOf = (text: string): string[] =>
    text
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter((p) => p.split(/\s+/).length >= 20);

  it('finds the title and the provider with its domain', () => {
    const item = parsePlainText(seed(), 'seed-002.txt', { fileName: '002_d58b627f07bf3a7d.txt' });
    expect(item.record).toEqual({
      category: 'news',
      title: 'Meta is losing ground in the AI race',
      type: 'article',
      provider: { name: 'ShiftDelete.Net Global', domain: 'shiftdelete.net' },
    });
  });

  it('keeps every article paragraph and drops the breadcrumb, the promo and the footer', () => {
    const input = seed();
    const { text = '' } = parsePlainText(input, 'seed-002.txt');
    const promo = input.split(/\n\s*\n/).find((p) => /smart glasses/i.test(p)) ?? '';
    expect(promo).not.toBe('');
    const article = paragraphsOf(input).filter((p) => p !== promo.trim());
    expect(article.length).toBeGreaterThanOrEqual(5);
    for (const p of article) expect(text).toContain(p);
    expect(text.split('\n\n')).toHaveLength(article.length);
    expect(text).not.toContain('Ana sayfa');
    expect(text).not.toContain(promo.trim());
    expect(text).not.toContain('Yorum Ekleyin');
    expect(text).not.toContain('ShiftDelete.Net Global');
  });
});

describe('parsePlainText edge cases', () => {
  const body =
    'The council voted on Tuesday to close the old swimming pool at the end of the summer, citing repair costs.\n\n' +
    'Residents have started a petition asking for the pool to stay open until a new leisure centre is built.';

  it.each(['', '   ', '\n\n\t\n', '\uFEFF \r\n'])(
    'rejects empty-ish text %j with TEXT_NO_ARTICLE',
    (input) => {
      const err = errorOf(() => parsePlainText(input, 'empty.txt'));
      expect(err).toBeInstanceOf(HeatwireError);
      expect((err as HeatwireError).code).toBe('TEXT_NO_ARTICLE');
      expect((err as HeatwireError).input).toBe('empty.txt');
    },
  );

  it('rejects text that is only boilerplate', () => {
    const input =
      'Home / News / World\n\nShare this article\n\nAdvertisement\n\nComments (12)\n\n© 2024 Someone';
    expect((errorOf(() => parsePlainText(input, 'chrome.txt')) as HeatwireError).code).toBe(
      'TEXT_NO_ARTICLE',
    );
  });

  it('rejects a one-line headline without a body', () => {
    const err = errorOf(() => parsePlainText('Council closes the old swimming pool', 'one.txt'));
    expect((err as HeatwireError).code).toBe('TEXT_NO_ARTICLE');
  });

  it('reads a one-line paragraph as an article titled by its first sentence', () => {
    const line =
      'The council closed the old swimming pool on Tuesday. Residents said they would keep campaigning for a new one.';
    const item = parsePlainText(line, 'one.txt');
    expect(item.record.title).toBe('The council closed the old swimming pool on Tuesday');
    expect(item.text).toBe(line);
  });

  it('titles text without a title line from the file name when it is made of words', () => {
    const item = parsePlainText(body, '/in/pool-closure-vote.txt', { fileName: 'pool-closure-vote.txt' });
    expect(item.record.title).toBe('Pool closure vote');
    expect(item.record.provider).toBeUndefined();
    expect(item.text).toBe(body);
  });

  it('titles text without a title line from its first sentence when the file name is an id', () => {
    const item = parsePlainText(body, 'x', { fileName: '004_9f8e7d6c5b4a3f2e.txt' });
    expect(item.record.title).toBe(
      'The council voted on Tuesday to close the old swimming pool at the end of the summer, citing repair costs',
    );
  });

  it('takes the provider from a footer URL when no site line names it', () => {
    const input = `Pool to close at end of summer\n\n${body}\n\nhttps://www.riverside-gazette.example/pool`;
    const item = parsePlainText(input, 'pool.txt');
    expect(item.record.provider).toEqual({
      name: 'riverside-gazette.example',
      domain: 'riverside-gazette.example',
    });
    expect(item.text).not.toContain('https://');
  });

  it('reports binary input as INPUT_BINARY', () => {
    const err = errorOf(() => parsePlainText(`Title\u0000\u0001\u0002 binary`, 'blob.bin'));
    expect((err as HeatwireError).code).toBe('INPUT_BINARY');
  });

  it('handles Windows line ends and a byte-order mark', () => {
    const input = `\uFEFFExample.com\r\n\r\nPool to close at end of summer\r\n\r\n${body.replace(/\n/g, '\r\n')}`;
    const item = parsePlainText(input, 'crlf.txt');
    expect(item.record.title).toBe('Pool to close at end of summer');
    expect(item.record.provider).toEqual({ name: 'Example.com', domain: 'example.com' });
    expect(item.text).toBe(body);
  });

  // CPU time, not wall time: the budget must hold on a busy shared machine too.
  const cpuMs = (fn: () => void): number => {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };

  it('reads a 1 MB text of short paragraphs fast', () => {
    const paragraph = (i: number): string =>
      `Paragraph ${i} reports how the harbour board reviewed shipping schedules, crane maintenance and pilot rosters for the coming season.`;
    const parts = ['The Coastal Ledger', 'Harbour board publishes a very long report'];
    let size = 0;
    for (let i = 0; size < 1_000_000; i++) {
      const p = paragraph(i);
      parts.push(p);
      size += p.length + 2;
    }
    const input = parts.join('\n\n');
    let item = parsePlainText(
      'Warm-up run\n\nThe first call compiles the regular expressions once.',
      'w.txt',
    );
    const ms = cpuMs(() => (item = parsePlainText(input, 'big.txt')));
    expect(item.record.title).toBe('Harbour board publishes a very long report');
    expect(item.text?.length).toBeGreaterThan(990_000);
    expect(ms).toBeLessThan(2500);
  });

  it('reads a 1 MB single line without newlines quickly', () => {
    const input = 'The harbour board met again and reviewed the schedules. '.repeat(18_000);
    let title = '';
    expect(cpuMs(() => (title = parsePlainText(input, 'line.txt').record.title))).toBeLessThan(2500);
    expect(title).toBe('The harbour board met again and reviewed the schedules');
  });
});
