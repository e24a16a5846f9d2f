import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { collectJsonRecords, parseJsonRecords } from './parse-json-records.js';
import { parseJsonlRecords, writeJsonlRecord } from './parse-jsonl-records.js';
import { createRandom, createRecordGenerator } from '../../../test/fixtures/records/random-record.js';
import { expectHeatwireError, keyOrder, readFixture } from '../../../test/fixtures/records/helpers.js';

describe('parseJsonlRecords', () => {
  it('parses every good line, moves text/html out of the record, and reports broken lines by number', () => {
    const { items, errors } = parseJsonlRecords(readFixture('lines.jsonl'), 'lines.jsonl');
    expect(items.map((i) => [i.line, i.record.title])).toEqual([
      [1, 'Tidal power pilot starts'],
      [3, 'Grid operator publishes outage report'],
      [6, 'Storage auction results'],
    ]);
    expect(items[0]).toEqual({
      record: { title: 'Tidal power pilot starts', webUrl: 'https://energy.example.com/tidal' },
      text: 'The pilot runs for a year.',
      origin: 'lines.jsonl',
      line: 1,
    });
    expect(items[1]?.html).toBe('<p>The report covers <b>three</b> outages.</p>');
    expect(items[1]?.record).not.toHaveProperty('html');
    expect(errors.map((e) => [e.code, e.line, e.input])).toEqual([
      ['JSON_SYNTAX', 4, 'lines.jsonl'],
      ['RECORD_INVALID', 5, 'lines.jsonl'],
    ]);
    expect(errors[1]?.message).toMatch(/title/);
    expect(errors[0]?.describe()).toMatch(/^lines\.jsonl:4: JSON_SYNTAX/);
  });

  it('accepts CRLF, a BOM and blank lines; rejects non-object lines and non-string text', () => {
    const text = '\uFEFF{"title":"a"}\r\n\r\n[1,2]\r\n{"title":"b","text":7}\r\n"str"\r\n';
    const { items, errors } = parseJsonlRecords(text, 'x');
    expect(items.map((i) => i.record)).toEqual([{ title: 'a' }]);
    expect(errors.map((e) => [e.code, e.line])).toEqual([
      ['RECORD_INVALID', 3],
      ['RECORD_INVALID', 4],
      ['RECORD_INVALID', 5],
    ]);
    expect(errors[1]?.message).toMatch(/text: must be a string/);
  });

  it('round-trips random records through writeJsonlRecord, one line each, order kept', () => {
    const lines: string[] = [];
    const expected: Array<{ record: object; text: string | undefined }> = [];
    for (let seed = 1; seed <= 60; seed++) {
      const gen = createRecordGenerator(createRandom(seed));
      const record = gen.record(2);
      const text = gen.body();
      const line = writeJsonlRecord(record, text);
      expect(line).not.toMatch(/\n/);
      lines.push(line);
      expected.push({ record, text: text?.trim() ? text : undefined });
    }
    const { items, errors } = parseJsonlRecords(lines.join('\n'), 'r.jsonl');
    expect(errors).toEqual([]);
    items.forEach((item, i) => {
      expect(item.record).toEqual(expected[i]?.record);
      expect(keyOrder(item.record)).toEqual(keyOrder(expected[i]?.record));
      expect(item.text).toBe(expected[i]?.text);
    });
  });
});

describe('parseJsonRecords', () => {
  it('reads an array of records with text and nested related', () => {
    const items = parseJsonRecords(readFixture('array.json'), 'array.json');
    expect(items).toHaveLength(2);
    expect(items[0]?.text).toBe('Four vessels are due in 2026.');
    expect(items[0]?.record).toEqual({
      title: 'Ferry operator orders electric vessels',
      webUrl: 'https://ports.example.com/ferries',
    });
    expect(items[1]?.record.related).toEqual([{ title: 'Yard expands its dry dock' }]);
  });

  it('reads a single object', () => {
    expect(parseJsonRecords('{"title":"One","html":"<p>x</p>"}', 'o.json')).toEqual([
      { record: { title: 'One' }, html: '<p>x</p>', origin: 'o.json' },
    ]);
  });

  it('throws JSON_SYNTAX with the line of the error', () => {
    const err = expectHeatwireError(
      () => parseJsonRecords('[\n  {"title": "a"},\n  {"title": }\n]', 's.json'),
      'JSON_SYNTAX',
    );
    expect(err.line).toBe(3);
    expect(err.input).toBe('s.json');
  });

  it('names the bad element; collectJsonRecords keeps the good ones', () => {
    const text = '[{"title":"ok"},{"title":"x","publishedDateTime":"2023-02-30T10:00:00Z"},{"title":"fine"}]';
    const err = expectHeatwireError(() => parseJsonRecords(text, 'a.json'), 'RECORD_INVALID');
    expect(err.message).toMatch(/\[1\]\.publishedDateTime/);
    const { items, errors } = collectJsonRecords(text, 'a.json');
    expect(items.map((i) => i.record.title)).toEqual(['ok', 'fine']);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(HeatwireError);
  });

  it('rejects an empty array and a JSON scalar', () => {
    expectHeatwireError(() => parseJsonRecords('[]', 'e.json'), 'INPUT_EMPTY');
    expectHeatwireError(() => parseJsonRecords('"title"', 'e.json'), 'RECORD_INVALID');
  });
});
