import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { parseJsonRecords } from './parse-json-records.js';
import { parseJsonlRecords, writeJsonlRecord } from './parse-jsonl-records.js';
import { parseRecordDocument } from './parse-record-document.js';
import { createRandom, createRecordGenerator } from '../../../test/fixtures/records/random-record.js';
import { readFixture } from '../../../test/fixtures/records/helpers.js';
import { writeRecordDocument } from './write-record-document.js';

/** Calls `fn`; anything thrown must be a HeatwireError, and no single call may take long. */
function expectOnlyHeatwireErrors(fn: () => unknown, label: string): void {
  const started = performance.now();
  try {
    fn();
  } catch (err) {
    if (!(err instanceof HeatwireError)) throw new Error(`${label}: threw ${String(err)}`, { cause: err });
  }
  // Generous: 2 shared cores under parallel test load; a hang or a blow-up is seconds.
  expect(performance.now() - started, label).toBeLessThan(3000);
}

const PARSERS: Array<[string, (text: string) => unknown]> = [
  ['record', (t) => parseRecordDocument(t, 'fuzz')],
  [
    'jsonl',
    (t) => {
      const { errors } = parseJsonlRecords(t, 'fuzz');
      errors.forEach((e) => expect(e).toBeInstanceOf(HeatwireError));
    },
  ],
  ['json', (t) => parseJsonRecords(t, 'fuzz')],
];

describe('parsers under random and truncated input (fuzz)', () => {
  const random = createRandom(7);
  const gen = createRecordGenerator(random);
  const samples = [
    readFixture('full-record.md'),
    writeRecordDocument(gen.record(3), gen.body()),
    readFixture('lines.jsonl'),
    readFixture('array.json'),
    writeJsonlRecord(gen.record(2), 'text'),
  ];

  it('survives every truncation of valid documents', () => {
    for (const sample of samples) {
      const step = Math.max(1, Math.floor(sample.length / 100));
      for (let cut = 0; cut <= sample.length; cut += step) {
        for (const [name, parse] of PARSERS)
          expectOnlyHeatwireErrors(() => parse(sample.slice(0, cut)), `${name} cut ${cut}`);
      }
    }
  });

  it('survives random byte-level mutations', () => {
    const alphabet = [
      '-',
      ':',
      ' ',
      '\n',
      '"',
      "'",
      '[',
      '{',
      '}',
      ']',
      '&',
      '*',
      '!',
      '|',
      '>',
      '#',
      '\t',
      '\0',
      '\uFFFD',
      '\\',
      ',',
    ];
    for (let i = 0; i < 250; i++) {
      const sample = samples[i % samples.length] ?? '';
      const chars = [...sample];
      for (let k = 1 + Math.floor(random() * 6); k > 0; k--) {
        const at = Math.floor(random() * chars.length);
        const op = random();
        if (op < 0.4) chars[at] = alphabet[Math.floor(random() * alphabet.length)] ?? '';
        else if (op < 0.7) chars.splice(at, 1 + Math.floor(random() * 20));
        else chars.splice(at, 0, ...chars.slice(Math.floor(random() * chars.length)).slice(0, 30));
      }
      const mutated = chars.join('');
      for (const [name, parse] of PARSERS)
        expectOnlyHeatwireErrors(() => parse(mutated), `${name} mutation ${i}`);
    }
  });

  it('survives pathological nesting and sizes', () => {
    const deepYaml = `---\ntitle: t\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n---\n`;
    const deepRelated = `---\ntitle: t\n${Array.from({ length: 300 }, (_, d) => `${'  '.repeat(d * 2)}related:\n${'  '.repeat(d * 2)}  - title: r${d}`).join('\n')}\n---\n`;
    const deepJson = `${'['.repeat(20000)}${']'.repeat(20000)}`;
    const longLine = `{"title":"${'x'.repeat(2_000_000)}"}`;
    for (const text of [
      deepYaml,
      deepRelated,
      deepJson,
      longLine,
      '---\n' + '- '.repeat(10000) + '\n---\n',
    ]) {
      for (const [name, parse] of PARSERS)
        expectOnlyHeatwireErrors(() => parse(text), `${name} pathological ${text.slice(0, 20)}`);
    }
  });
});
