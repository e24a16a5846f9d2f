import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sharedAvailable, sharedPath } from '../../../test/support/shared.js';
import { parseRecordDocument } from './parse-record-document.js';
import { expectHeatwireError, keyOrder, readFixture } from '../../../test/fixtures/records/helpers.js';
import { writeRecordDocument } from './write-record-document.js';

describe.skipIf(!sharedAvailable('seeds'))('seed records (../shared/seeds)', () => {
  const seeds = (sharedAvailable('seeds') ? readdirSync(sharedPath('seeds')) : [])
    .map((name) => ({ name, text: readFileSync(sharedPath('seeds', name), 'utf8') }))
    .filter((s) => s.text.startsWith('---'));

  it('finds the three seed records', () => {
    expect(seeds).toHaveLength(3);
  });

  it.each(seeds.map((s) => [s.name, s.text]))('%s round-trips deep-equal, in field order', (name, text) => {
    const first = parseRecordDocument(text, name);
    expect(first.text).toBeUndefined();
    expect(first.record.related?.length).toBeGreaterThan(0);
    expect(first.record.secured).toMatch(/;/);
    // YAML 1.2 core schema: an unquoted ISO date-time is a string, not a Date.
    expect(typeof first.record.publishedDateTime).toBe('string');
    expect(first.record.publishedDateTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const written = writeRecordDocument(first.record, first.text);
    const again = parseRecordDocument(written, name);
    expect(again.record).toEqual(first.record);
    expect(keyOrder(again.record)).toEqual(keyOrder(first.record));
  });

  it.each(seeds.map((s) => [s.name, s.text]))(
    '%s is written back byte for byte (up to trailing blank lines)',
    (name, text) => {
      const { record } = parseRecordDocument(text, name);
      expect(writeRecordDocument(record)).toBe(`${text.trimEnd()}\n`);
    },
  );
});

describe('parseRecordDocument on own fixtures', () => {
  it('keeps unknown fields, nested related and key order, and reads the body', () => {
    const item = parseRecordDocument(readFixture('full-record.md'), 'full-record.md');
    const r = item.record;
    expect(Object.keys(r).slice(0, 4)).toEqual(['category', 'title', 'excerpt', 'publishedDateTime']);
    expect(r.editorNote).toBe('kept verbatim, including this unknown field');
    expect(r.score).toBe('42');
    expect(r.flags).toEqual({ reviewed: 'yes', rating: '1:20' });
    expect(r.quality).toBe(72.5);
    expect(r.topics).toEqual(['Robotics', 'on']);
    expect(r.related?.[0]?.related?.[0]?.custom).toEqual(['a', { b: 'c' }]);
    expect(item.text).toBe(
      'The company said the new head of research starts in April.\n\nShe will report to the chief executive.',
    );
    expect(item.origin).toBe('full-record.md');
  });

  it('round-trips its own fixture with the body', () => {
    const item = parseRecordDocument(readFixture('full-record.md'), 'f');
    const again = parseRecordDocument(writeRecordDocument(item.record, item.text), 'f');
    expect(again).toEqual(item);
    expect(keyOrder(again.record)).toEqual(keyOrder(item.record));
  });

  it('tolerates leading blank lines, a BOM, CRLF and a `...` closing line', () => {
    expect(parseRecordDocument(readFixture('minimal.txt'), 'm').record).toEqual({
      title: 'Plain title with no quotes',
    });
    const crlf = '\uFEFF---\r\ntitle: "Windows"\r\nquality: 3\r\n...\r\n\r\nBody line.\r\n';
    expect(parseRecordDocument(crlf, 'w')).toEqual({
      record: { title: 'Windows', quality: 3 },
      text: 'Body line.',
      origin: 'w',
    });
  });

  it('keeps YAML-1.1-looking scalars as YAML 1.2 core reads them', () => {
    const doc =
      '---\ntitle: t\na: yes\nb: 2023-08-16\nc: 2023-08-16T13:00:00Z\nd: on\ne: 0o17\nf: ~\n<<: merge-key\n---\n';
    expect(parseRecordDocument(doc, 'x').record).toEqual({
      title: 't',
      a: 'yes',
      b: '2023-08-16',
      c: '2023-08-16T13:00:00Z',
      d: 'on',
      e: 15,
      f: null,
      '<<': 'merge-key',
    });
  });

  it('treats a later --- line as part of the body, and drops an all-blank body', () => {
    const item = parseRecordDocument('---\ntitle: t\n---\n\n\nfirst\n---\nsecond\n\n\n', 'x');
    expect(item.text).toBe('first\n---\nsecond');
    expect(parseRecordDocument('---\ntitle: t\n---\n   \n\n', 'x').text).toBeUndefined();
    expect('text' in parseRecordDocument('---\ntitle: t\n---', 'x')).toBe(false);
  });

  it('stores a __proto__ key as a plain field, not as the prototype', () => {
    const { record } = parseRecordDocument('---\ntitle: t\n__proto__:\n  polluted: true\n---\n', 'x');
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['title', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('parseRecordDocument errors', () => {
  it('RECORD_YAML with the line inside the file (YAML line + the opening --- offset)', () => {
    const doc = '\n\n---\ntitle: "ok"\nexcerpt: fine\nwebUrl: [oops\n---\n';
    const err = expectHeatwireError(() => parseRecordDocument(doc, 'bad.md'), 'RECORD_YAML');
    expect(err.input).toBe('bad.md');
    // The flow sequence opened on file line 6 never closes; yaml reports at its end, line 7.
    expect(err.line).toBeGreaterThanOrEqual(6);
    expect(err.line).toBeLessThanOrEqual(7);
    expect(err.describe()).toMatch(/^bad\.md:\d+: RECORD_YAML /);
  });

  it.each([
    [
      'an unclosed quote (the line where it opens)',
      '---\ntitle: "ok"\nexcerpt: "never closed\nwebUrl: [oops\n---\n',
      3,
    ],
    ['text after a quoted scalar', '---\ntitle: t\nquality: 1\nbad: "x" y\ntype: a\n---\n', 4],
    ['a tab as indentation', '---\ntitle: t\nprovider:\n\tname: A\n---\n', 4],
    ['a value where the mapping cannot have one', '---\ntitle: t\nprovider:\n  name: A\n  - B\n---\n', 5],
  ])('RECORD_YAML at the exact line: %s', (_name, doc, line) => {
    const err = expectHeatwireError(() => parseRecordDocument(doc, 'i.md'), 'RECORD_YAML');
    expect(err.line).toBe(line);
  });

  it('RECORD_YAML for duplicate keys, also when one is quoted', () => {
    const err = expectHeatwireError(
      () => parseRecordDocument('---\ntitle: a\nquality: 1\ntitle: b\n---\n', 'd'),
      'RECORD_YAML',
    );
    expect(err.message).toMatch(/unique/i);
    expect(err.line).toBe(4);
    expectHeatwireError(() => parseRecordDocument('---\ntitle: a\n1: x\n"1": y\n---\n', 'd'), 'RECORD_YAML');
  });

  it('RECORD_UNCLOSED when no closing line follows', () => {
    const err = expectHeatwireError(
      () => parseRecordDocument('---\ntitle: "open"\nwebUrl: "https://a.example/x"\n', 'u.md'),
      'RECORD_UNCLOSED',
    );
    expect(err.line).toBe(1);
    expectHeatwireError(() => parseRecordDocument('---', 'u.md'), 'RECORD_UNCLOSED');
  });

  it('RECORD_INVALID names the field: missing title, impossible date, wrong types', () => {
    const missing = expectHeatwireError(
      () => parseRecordDocument('---\nwebUrl: "https://a.example/"\n---\n', 'm'),
      'RECORD_INVALID',
    );
    expect(missing.message).toMatch(/title/);
    const date = expectHeatwireError(
      () =>
        parseRecordDocument(
          '---\ntitle: t\ntype: article\npublishedDateTime: 2023-02-30T10:00:00Z\n---\n',
          'd',
        ),
      'RECORD_INVALID',
    );
    expect(date.message).toMatch(/publishedDateTime/);
    expect(date.line).toBe(4);
    const quality = expectHeatwireError(
      () => parseRecordDocument('---\ntitle: t\nquality: high\n---\n', 'q'),
      'RECORD_INVALID',
    );
    expect(quality.message).toMatch(/quality/);
    const topics = expectHeatwireError(
      () => parseRecordDocument('---\ntitle: t\ntopics: AI\n---\n', 't'),
      'RECORD_INVALID',
    );
    expect(topics.message).toMatch(/topics/);
  });

  it('RECORD_INVALID points into nested related records', () => {
    const doc = '---\ntitle: top\nrelated:\n  - title: one\n  - title: two\n    webUrl: not a url\n---\n';
    const err = expectHeatwireError(() => parseRecordDocument(doc, 'r'), 'RECORD_INVALID');
    expect(err.message).toMatch(/related\.1\.webUrl/);
    expect(err.line).toBe(6);
  });

  it('RECORD_INVALID when the front matter is not a mapping or the document has none', () => {
    expectHeatwireError(() => parseRecordDocument('---\n- a\n- b\n---\n', 'l'), 'RECORD_INVALID');
    expectHeatwireError(() => parseRecordDocument('---\n---\n', 'e'), 'RECORD_INVALID');
    expect(expectHeatwireError(() => parseRecordDocument('title: t\n', 'n'), 'RECORD_INVALID').line).toBe(1);
    expectHeatwireError(() => parseRecordDocument(' \n\t\n', 'w'), 'INPUT_EMPTY');
  });

  it('RECORD_YAML for an alias bomb instead of expanding it', () => {
    const rows = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++)
      rows.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = performance.now();
    expectHeatwireError(
      () => parseRecordDocument(`---\ntitle: t\n${rows.join('\n')}\n---\n`, 'bomb'),
      'RECORD_YAML',
    );
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
