import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../../core/errors.js';
import { classifyTopics } from './classify-topics.js';
import { loadTaxonomy } from './load-taxonomy.js';
import { parseTrainingFile, type TrainingExample } from './parse-training-file.js';
import { loadModel, serializeModel } from './topic-model.js';
import { trainTopicModel } from './train-topic-model.js';

const taxonomy = loadTaxonomy();
const fixture = (name: string): string =>
  readFileSync(new URL(`../../../test/fixtures/topics/${name}`, import.meta.url), 'utf8');
const learned = parseTrainingFile(fixture('learned.jsonl'), 'learned.jsonl');
const labeled = parseTrainingFile(fixture('labeled.jsonl'), 'labeled.jsonl');

describe('parseTrainingFile', () => {
  it('reads JSONL examples, skipping blank lines and keeping extra fields', () => {
    const ex = parseTrainingFile(
      '{"title":"t","text":"x","topics":["OpenAI"],"id":"a"}\n\n{"text":"y","topics":[]}\n',
      'f.jsonl',
    );
    expect(ex).toHaveLength(2);
    expect(ex[0]!.id).toBe('a');
  });

  it.each([
    ['bad JSON', '{"text":"x","topics":[]}\n{oops\n', /^f\.jsonl:2: JSON_SYNTAX/],
    ['missing text', '{"topics":["OpenAI"]}\n', /^f\.jsonl:1: RECORD_INVALID .*text/],
    ['topics not a list', '\n{"text":"x","topics":"OpenAI"}\n', /^f\.jsonl:2: RECORD_INVALID .*topics/],
    ['empty topic name', '{"text":"x","topics":[" "]}\n', /^f\.jsonl:1: RECORD_INVALID .*topics\.0/],
  ])('%s → error naming file and line', (_name, text, pattern) => {
    let error: unknown;
    try {
      parseTrainingFile(text, 'f.jsonl');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HeatwireError);
    expect((error as HeatwireError).describe()).toMatch(pattern);
  });
});

describe('trainTopicModel', () => {
  const model = trainTopicModel([...labeled, ...learned], taxonomy);

  it('learns a topic that is not in the taxonomy and hangs it under the umbrella', () => {
    expect(model.topics['AI in Healthcare']).toMatchObject({
      learned: true,
      parent: 'AI',
      positives: learned.length,
    });
    expect(model.topics['OpenAI']?.learned).toBe(false);
    expect(model.topics['AI']).toBeUndefined();
  });

  it('adds the learned topic to an unseen article on its subject, and its parent', () => {
    const article = {
      title: 'Clinic tests AI that reads knee X-rays',
      text: 'Doctors at an orthopaedic clinic are testing an AI system that reads knee X-rays and flags arthritis for patients. Radiologists review every result before a diagnosis.',
    };
    expect(classifyTopics(article, taxonomy).map((t) => t.name)).not.toContain('AI in Healthcare');
    const topics = classifyTopics(article, taxonomy, model);
    const health = topics.find((t) => t.name === 'AI in Healthcare');
    expect(health?.why[0]).toMatch(/^model: 0\.\d\d$/);
    expect(topics.map((t) => t.name)).toContain('AI');
    expect(topics.at(-1)!.name).toBe('AI');
  });

  it('does not add learned topics to unrelated articles', () => {
    const topics = classifyTopics(
      {
        title: 'Nvidia ships new GPUs',
        text: 'Nvidia said its data center GPUs for AI training are sold out.',
      },
      taxonomy,
      model,
    );
    expect(topics.map((t) => t.name)).not.toContain('AI in Healthcare');
  });

  it('round-trips through JSON and classifies the same', () => {
    const json = serializeModel(model);
    const loaded = loadModel(json, 'model.json');
    const article = labeled[3]!;
    expect(classifyTopics(article, taxonomy, loaded).map((t) => t.name)).toEqual(
      classifyTopics(article, taxonomy, model).map((t) => t.name),
    );
  });

  it('rejects a damaged model file naming it', () => {
    expect(() => loadModel('{"format":"x"}', 'model.json')).toThrow(/topic model/);
    expect(() => loadModel('{', 'model.json')).toThrow(HeatwireError);
  });

  it('applies editor corrections to the corrected article and keeps them across trainings', () => {
    const article = {
      title: 'Meta ships a bigger Llama model',
      text: 'Meta released a new Llama model to developers, saying it is the best open AI model.',
    };
    const before = classifyTopics(article, taxonomy, model).map((t) => t.name);
    expect(before).toContain('Facebook AI');
    const corrected = trainTopicModel(
      [{ ...article, topics: ['+Open Source AI', '-Generative AI'] }],
      taxonomy,
      model,
    );
    const after = classifyTopics(article, taxonomy, corrected);
    expect(after.map((t) => t.name)).toContain('Open Source AI');
    expect(after.map((t) => t.name)).not.toContain('Generative AI');
    expect(after.find((t) => t.name === 'Open Source AI')?.why).toContain('editor: +Open Source AI');
    // A later training keeps earlier corrections and earlier topics.
    const later = trainTopicModel(learned.slice(0, 2), taxonomy, corrected);
    expect(classifyTopics(article, taxonomy, later).map((t) => t.name)).toContain('Open Source AI');
    expect(Object.keys(later.topics)).toEqual(expect.arrayContaining(Object.keys(model.topics)));
    expect(later.docCount).toBe(corrected.docCount + 2);
  });

  it('is deterministic', () => {
    const a = serializeModel(trainTopicModel(learned, taxonomy));
    const b = serializeModel(trainTopicModel(learned, taxonomy));
    expect(a).toBe(b);
  });
});

describe('the model cannot override a negative context', () => {
  it('does not add Facebook AI to a llama-farm article, however Llama-heavy the training was', () => {
    const taxonomyLocal = loadTaxonomy();
    const llamaExamples: TrainingExample[] = Array.from({ length: 12 }, (_, i) => ({
      title: `Llama update ${i}`,
      text: `The Llama model family gets version ${i}; Llama weights are open and Llama runs on laptops.`,
      topics: ['Facebook AI', 'AI'],
    }));
    const llamaModel = trainTopicModel([...llamaExamples, ...labeled.slice(0, 40)], taxonomyLocal);
    const farm = {
      title: 'Llama shearing at the farm',
      text: 'The Llama herd was sheared at the farm; each Llama gives fleece and wool.',
    };
    expect(classifyTopics(farm, taxonomyLocal, llamaModel).map((t) => t.name)).not.toContain('Facebook AI');
  });
});

describe('words that are also Object.prototype keys', () => {
  it('train and predict treat "constructor" and "toString" as plain words', async () => {
    const { trainTopicModel } = await import('./train-topic-model.js');
    const { predictTopics } = await import('./predict-topics.js');
    const { loadTaxonomy } = await import('./load-taxonomy.js');
    const { loadModel, serializeModel } = await import('./topic-model.js');
    const taxonomy = loadTaxonomy();
    const examples = [
      { title: 'Robot constructor hires', text: 'The constructor of robots uses toString and valueOf in its AI robotics code.', topics: ['Robotics'] },
      { title: 'Another constructor', text: 'A constructor of humanoid robots, toString, hasOwnProperty, robotics again.', topics: ['Robotics'] },
      { title: 'Bakery opens', text: 'A bakery opened downtown with bread and cakes.', topics: [] },
    ];
    const model = trainTopicModel(examples, taxonomy);
    expect(model.df.constructor).toBe(2);
    expect(model.df.tostring).toBe(2);
    const reloaded = loadModel(serializeModel(model)); // still a valid model
    const p = predictTopics(reloaded, { title: 'constructor', text: 'constructor toString robotics' }).get('Robotics');
    expect(Number.isFinite(p)).toBe(true);
    expect(p).toBeGreaterThan(0.5);
  });
});
