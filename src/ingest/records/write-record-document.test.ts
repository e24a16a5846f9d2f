import { describe, expect, it } from 'vitest';
import type { NewsRecord } from '../../core/record.js';
import { parseRecordDocument } from './parse-record-document.js';
import { createRandom, createRecordGenerator } from '../../../test/fixtures/records/random-record.js';
import { keyOrder } from '../../../test/fixtures/records/helpers.js';
import { writeRecordDocument } from './write-record-document.js';

/** The body as the reader gives it back: leading blank lines and trailing whitespace removed. */
function expectedBody(body: string | undefined): string | undefined {
  const trimmed = body?.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  return trimmed ? trimmed : undefined;
}

describe('writeRecordDocument layout', () => {
  const record: NewsRecord = {
    category: 'news',
    title: 'Plain words',
    publishedDateTime: '2024-01-02T03:04:05Z',
    webUrl: 'https://a.example/x',
    type: 'article',
    quality: 10,
    provider: { name: 'A Example', domain: 'a.example' },
    topics: ['AI'],
    emptyList: [],
    images: [{ url: 'https://a.example/i.png', width: 1, height: 2, isCached: false }],
    secured: 'QUJD;REVG',
  };

  it('writes seed-like YAML: blank lines before block collections and secured, quoting like the seeds', () => {
    const out = writeRecordDocument(record);
    expect(out).toBe(
      [
        '---',
        'category: news',
        'title: "Plain words"',
        'publishedDateTime: 2024-01-02T03:04:05Z',
        'webUrl: "https://a.example/x"',
        'type: article',
        'quality: 10',
        '',
        'provider:',
        '  name: A Example',
        '  domain: a.example',
        '',
        'topics:',
        '  - AI',
        'emptyList: []',
        '',
        'images:',
        '  - url: "https://a.example/i.png"',
        '    width: 1',
        '    height: 2',
        '    isCached: false',
        '',
        'secured: "QUJD;REVG"',
        '---',
        '',
      ].join('\n'),
    );
  });

  it('never folds long strings', () => {
    const long = Array(60).fill('word').join(' ');
    const out = writeRecordDocument({ title: long, note: long, excerpt: long });
    expect(out.split('\n')).toHaveLength(6);
  });

  it('quotes strings that YAML 1.2 or 1.1 would read as another type', () => {
    const out = writeRecordDocument({
      title: 't',
      a: 'yes',
      b: '42',
      c: 'true',
      d: 'null',
      e: '2023-08-16',
      f: '1:20',
      g: 'on',
      h: 'plain',
    });
    for (const key of 'abcdefg') expect(out).toMatch(new RegExp(`^${key}: "`, 'm'));
    expect(out).toMatch(/^h: plain$/m);
  });

  it('appends the body after a blank line, and omits an empty one', () => {
    expect(writeRecordDocument({ title: 't' }, '\n\nBody\n\n')).toBe('---\ntitle: "t"\n---\n\nBody\n');
    expect(writeRecordDocument({ title: 't' }, ' \n')).toBe('---\ntitle: "t"\n---\n');
  });

  it('writes a shared object twice instead of as a YAML alias', () => {
    const provider = { name: 'Same' };
    const out = writeRecordDocument({ title: 't', provider, related: [{ title: 'r', provider }] });
    expect(out).not.toMatch(/[&*]a1/);
    expect(parseRecordDocument(out, 'x').record.related?.[0]?.provider).toEqual(provider);
  });
});

describe('writeRecordDocument ∘ parseRecordDocument is lossless (property test)', () => {
  // Fixed seeds keep CI reproducible; HEATWIRE_PROPERTY_SEED explores new ones locally.
  const base = Number(process.env.HEATWIRE_PROPERTY_SEED ?? 20240501);
  const runs = 250;

  it(`round-trips ${runs} random records (seed ${base})`, () => {
    for (let i = 0; i < runs; i++) {
      const seed = base + i;
      const gen = createRecordGenerator(createRandom(seed));
      const record = gen.record(3);
      const body = gen.body();
      const written = writeRecordDocument(record, body);
      let back;
      try {
        back = parseRecordDocument(written, `seed-${seed}`);
      } catch (err) {
        throw new Error(`seed ${seed}: ${String(err)}\n${written}`, { cause: err });
      }
      expect(back.record, `seed ${seed}\n${written}`).toEqual(record);
      expect(keyOrder(back.record), `seed ${seed}`).toEqual(keyOrder(record));
      expect(back.text, `seed ${seed}`).toBe(expectedBody(body));
      // Writing again is stable: the format has one spelling per record.
      expect(writeRecordDocument(back.record, back.text)).toBe(
        writeRecordDocument(record, expectedBody(body)),
      );
    }
  });
});
