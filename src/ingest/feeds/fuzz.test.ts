import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { ParsedFeedSchema } from './feed-schema.js';
import { parseOpml } from './opml.js';
import { parseFeed } from './parse-feed.js';
import { mulberry32 } from '../../../test/support/mulberry32.js';

/*
 * Fuzz-style: random, mutated, truncated and hostile inputs must either parse into a valid
 * ParsedFeed (never silently empty) or throw a HeatwireError with a feed code — and every
 * parse must finish within a time bound.
 */

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'feeds');
const now = new Date('2024-03-06T00:00:00Z');
const PER_PARSE_MS = 5000; // generous: two shared cores; typical parses take < 5 ms

const prng = mulberry32;

/** Parses and checks the contract; returns the elapsed milliseconds. */
function check(input: Buffer | string, label: string): number {
  const start = performance.now();
  try {
    const feed = parseFeed(input, { now, url: 'https://fuzz.example/feed' });
    const parsed = ParsedFeedSchema.safeParse(feed);
    expect(parsed.success, `${label}: output does not match the schema`).toBe(true);
    if (feed.items.length === 0) expect(feed.warnings.length, `${label}: silently empty`).toBeGreaterThan(0);
  } catch (err) {
    expect(err, `${label}: threw ${String(err)}`).toBeInstanceOf(HeatwireError);
    expect(['FEED_INVALID', 'INPUT_EMPTY'], `${label}: ${(err as Error).message}`).toContain((err as HeatwireError).code);
  }
  const elapsed = performance.now() - start;
  expect(elapsed, `${label}: took ${elapsed.toFixed(0)} ms`).toBeLessThan(PER_PARSE_MS);
  return elapsed;
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => !f.endsWith('.opml'))
  .map((f) => ({ name: f, bytes: readFileSync(join(FIXTURES, f)) }));

const ALPHABET = ['<', '>', '/', '&', ';', '"', "'", '=', '!', '?', '[', ']', '{', '}', ':', ' ', '\n', '#', 'x', 'a', '<![CDATA[', ']]>', '<item>', '</item>', '<entry>', '<rss>', '<feed>', '&amp;', '&#', '\u0000', '\uFFFD', 'é'];

describe('parseFeed fuzz', () => {
  it('survives every truncation of every fixture', () => {
    for (const { name, bytes } of fixtures) {
      const step = Math.max(1, Math.floor(bytes.length / 60));
      for (let cut = 0; cut <= bytes.length; cut += step) check(bytes.subarray(0, cut), `${name}[0:${cut}]`);
    }
  });

  it('survives random byte mutations of every fixture', () => {
    const rand = prng(20240306);
    for (const { name, bytes } of fixtures) {
      for (let round = 0; round < 40; round++) {
        const copy = Buffer.from(bytes);
        const flips = 1 + Math.floor(rand() * 12);
        for (let i = 0; i < flips; i++) copy[Math.floor(rand() * copy.length)] = Math.floor(rand() * 256);
        check(copy, `${name} mutation ${round}`);
      }
    }
  });

  it('survives random token soup and random bytes', () => {
    const rand = prng(7);
    for (let round = 0; round < 300; round++) {
      const parts: string[] = [];
      const n = Math.floor(rand() * 200);
      for (let i = 0; i < n; i++) parts.push(ALPHABET[Math.floor(rand() * ALPHABET.length)] ?? '');
      check(parts.join(''), `soup ${round}`);
      const bytes = Buffer.alloc(Math.floor(rand() * 512));
      for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(rand() * 256);
      check(bytes, `bytes ${round}`);
    }
  });

  it('bounds deep nesting (XML and JSON)', () => {
    const depth = 100_000;
    check(`<rss><channel><title>deep</title><item><title>t</title>${'<x>'.repeat(depth)}text${'</x>'.repeat(depth)}</item></channel></rss>`, 'deep xml');
    check(`<rss><channel><title>unclosed</title>${'<item><description>'.repeat(20_000)}`, 'deep unclosed items');
    check(`{"version":"https://jsonfeed.org/version/1.1","title":"j","items":[${'['.repeat(depth)}${']'.repeat(depth)}]}`, 'deep json');
    check(`${'['.repeat(depth)}`, 'unclosed json');
  });

  it('bounds a million entities and huge text', () => {
    const entities = '&amp;&eacute;&#233;&nbsp;'.repeat(250_000);
    const feed = parseFeed(`<rss><channel><title>e</title><item><title>${entities}</title><guid>1</guid></item></channel></rss>`, { now });
    expect(feed.items[0]?.title.startsWith('&éé')).toBe(true);
    check(`<rss><channel><title>x</title><item><guid>1</guid><description>${'&lt;b&gt;'.repeat(200_000)}</description></item></channel></rss>`, 'escaped tags');
    check(`<rss><channel><title>${'a'.repeat(5_000_000)}</title></channel></rss>`, 'huge title');
    check(`<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title><item><title>&b;&b;</title><guid>1</guid></item></channel></rss>`, 'entity expansion');
  });

  it('caps the number of items', () => {
    const xml = `<rss><channel><title>many</title>${'<item><guid>g</guid></item>'.repeat(12_000)}</channel></rss>`;
    const feed = parseFeed(xml, { now });
    expect(feed.warnings.join(' ')).toMatch(/more than 10000 items/);
  });

  it('parseOpml survives truncation and soup', () => {
    const opml = readFileSync(join(FIXTURES, 'subscriptions.opml'), 'utf8');
    const rand = prng(99);
    const inputs = [...Array.from({ length: 60 }, (_, i) => opml.slice(0, Math.floor((opml.length * i) / 60)))];
    for (let round = 0; round < 100; round++) {
      inputs.push(Array.from({ length: 80 }, () => ['<outline ', 'xmlUrl="', '">', '/>', '<opml>', '<body>', '</outline>', 'a'][Math.floor(rand() * 8)]).join(''));
    }
    for (const input of inputs) {
      try {
        parseOpml(input);
      } catch (err) {
        expect(err).toBeInstanceOf(HeatwireError);
      }
    }
  });
});
