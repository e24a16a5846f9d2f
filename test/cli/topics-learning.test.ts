import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../support/cli.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'topics');

/** Three articles of our own; the clinic one is about AI in medicine, which the taxonomy has no topic for. */
const ARTICLES = [
  {
    title: 'Clinic network adopts an AI model that reads retinal scans',
    webUrl: 'https://health.example/retina-ai',
    text:
      'A clinic network started using an artificial intelligence model to read retinal scans for signs of diabetic eye disease. ' +
      'Ophthalmologists review every flagged scan. The machine learning system was trained on two million anonymised images, ' +
      'and the network says patients now wait days instead of weeks for a result.',
  },
  {
    title: 'OpenAI releases a faster reasoning model for developers',
    webUrl: 'https://tech.example/openai-model',
    text:
      'OpenAI released a new reasoning model to developers through its API. The company said the model answers coding questions ' +
      'faster than its predecessor and costs less per token. ChatGPT users get access next month.',
  },
  {
    title: 'City council approves a new bus depot',
    webUrl: 'https://city.example/depot',
    text: 'The council voted to build a bus depot on the old rail yard. Construction starts in spring and ends in two years.',
  },
];

const TRAINING = [
  ['Hospital uses AI to triage emergency patients', 'A hospital began using a machine learning model to rank emergency patients by urgency; nurses confirm each ranking.'],
  ['AI reads mammograms alongside radiologists', 'A screening programme let an AI system read mammograms next to radiologists, and it found more early tumours.'],
  ['Regulator clears AI software for heart scans', 'Health regulators cleared AI software that measures heart function on ultrasound scans for cardiologists.'],
  ['Clinics test an AI scribe for doctor visits', 'Clinics tested an artificial intelligence scribe that writes notes while doctors talk with patients.'],
  ['AI model predicts sepsis in hospital wards', 'A hospital trained a model on patient records to warn nurses about sepsis hours before symptoms peak.'],
];

describe('topics set, topics train and reprocess through the CLI', () => {
  const data = tempDataDir();
  afterAll(() => data.cleanup());
  const modelFile = join(data.dir, 'topic-model.json');
  const ids = new Map<string, string>();

  it('ingests the articles and finds their ids', async () => {
    const input = join(data.dir, 'articles.jsonl');
    writeFileSync(input, ARTICLES.map((a) => JSON.stringify(a)).join('\n'));
    expect((await cli(['ingest', input], data.env)).code).toBe(0);
    const lines = (await cli(['export', '--format', 'jsonl', '--extended'], data.env)).out.trim().split('\n');
    for (const line of lines) {
      const r = JSON.parse(line) as { title: string; heatwire: { id: string } };
      ids.set(r.title, r.heatwire.id);
    }
    expect(ids.size).toBe(3);
  });

  const topicsOf = async (title: string): Promise<string[]> => {
    const shown = JSON.parse((await cli(['--json', 'show', ids.get(title)!], data.env)).out) as {
      record: { topics?: string[]; heatwire: { topics: Array<{ name: string }> } };
    };
    // The stored topic list: the record's own when it has one, else the computed one.
    return shown.record.topics ?? shown.record.heatwire.topics.map((t) => t.name);
  };
  const storedTopics = async (topic: string): Promise<number> => {
    const rows = (await cli(['--json', 'topics'], data.env)).out.trim().split('\n').map((l) => JSON.parse(l) as { name: string; articles: number });
    return rows.find((r) => r.name === topic)?.articles ?? 0;
  };

  it('applies an editor correction at once, accumulates later ones, and keeps them', async () => {
    const id = ids.get(ARTICLES[1]!.title)!;
    const before = await topicsOf(ARTICLES[1]!.title);
    expect(before).toContain('OpenAI');
    const set = await cli(['--json', 'topics', 'set', id, '+AI Research', '-Generative AI'], data.env);
    expect(set.code, set.err).toBe(0);
    expect(JSON.parse(set.out)).toMatchObject({ id });
    expect(JSON.parse(set.out).after).toContain('AI Research');
    expect(JSON.parse(set.out).after).not.toContain('Generative AI');
    // A second decision on the same article adds to the first.
    expect((await cli(['topics', 'set', id, '--', '-OpenAI'], data.env)).code).toBe(0);
    const after = await topicsOf(ARTICLES[1]!.title);
    expect(after).toContain('AI Research');
    expect(after).not.toContain('OpenAI');
    expect(after).not.toContain('Generative AI');
    expect(existsSync(modelFile)).toBe(true);
    // reprocess runs enrichment again and the editor's decision survives it
    const re = await cli(['--json', 'reprocess'], data.env);
    expect(re.code, re.err).toBe(0);
    expect(JSON.parse(re.out)).toMatchObject({ reprocessed: 3, failed: [] });
    const again = await topicsOf(ARTICLES[1]!.title);
    expect(again).toContain('AI Research');
    expect(again).not.toContain('OpenAI');
  });

  it('refuses an unknown article and an empty edit with clear errors, changing nothing', async () => {
    const missing = await cli(['topics', 'set', 'nope-id', '+AI'], data.env);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/NOT_FOUND.*nope-id/);
    const empty = await cli(['topics', 'set', ids.get(ARTICLES[0]!.title)!, '+'], data.env);
    expect(empty.code).toBe(2);
  });

  it('learns a new topic from a training file and reprocess applies it to stored articles only then', async () => {
    const clinic = ARTICLES[0]!.title;
    expect(await topicsOf(clinic)).not.toContain('AI in Healthcare');
    const file = join(data.dir, 'train.jsonl');
    const lines = TRAINING.map(([title, text]) => JSON.stringify({ title, text, topics: ['AI in Healthcare', 'AI'] }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    // The labeled fixtures are the negatives (and more positives): AI news that is not medical.
    const fixtures = ['labeled.jsonl', 'learned.jsonl'].map((f) => join(FIXTURES, f));
    const fixtureLines = fixtures.map((f) => readFileSync(f, 'utf8').trim().split('\n').length).reduce((a, b) => a + b, 0);
    const trained = await cli(['--json', 'topics', 'train', file, ...fixtures], data.env);
    expect(trained.code, trained.err).toBe(0);
    const summary = JSON.parse(trained.out) as { examples: number; corrections: number; learned: string[] };
    expect(summary).toMatchObject({ examples: lines.length + fixtureLines, corrections: 1 });
    expect(summary.learned).toEqual(['AI in Healthcare']);
    // Trained, but stored articles keep their topics until reprocess.
    expect(await storedTopics('AI in Healthcare')).toBe(0);
    expect((await cli(['reprocess', '--topic', 'AI'], data.env)).code).toBe(0);
    expect(await topicsOf(clinic)).toContain('AI in Healthcare');
    expect(await topicsOf(ARTICLES[2]!.title)).not.toContain('AI in Healthcare');
    // the correction was learned once: a second training has nothing pending
    const second = JSON.parse((await cli(['--json', 'topics', 'train'], data.env)).out) as { corrections: number };
    expect(second.corrections).toBe(0);
  });

  it('names the file and line of a bad training example and keeps the model', async () => {
    const bad = join(data.dir, 'bad.jsonl');
    writeFileSync(bad, '{"text":"fine","topics":["AI"]}\n{"text":"no topics"}\n');
    const res = await cli(['topics', 'train', bad], data.env);
    expect(res.code).toBe(1);
    expect(res.err).toContain(`${bad}:2`);
    expect(await topicsOf(ARTICLES[0]!.title)).toContain('AI in Healthcare');
  });
});
