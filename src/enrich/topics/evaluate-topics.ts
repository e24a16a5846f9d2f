import { classifyTopics } from './classify-topics.js';
import type { Taxonomy } from './compile-taxonomy.js';
import type { TrainingExample } from './parse-training-file.js';
import { trainTopicModel, type TrainOptions } from './train-topic-model.js';

/** Precision/recall of one topic (or of the micro-average). */
export interface TopicScore {
  topic: string;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Per-topic scores and their micro-average over the topics that were not excluded. */
export interface Evaluation {
  perTopic: TopicScore[];
  micro: TopicScore;
  /** Examples with at least one error, for inspection. */
  errors: Array<{ id: string; title: string; expected: string[]; got: string[] }>;
}

/**
 * Compares predicted topic names with the labels of each example. `exclude` (e.g. the umbrella
 * 'AI') is left out of the per-topic table and the micro-average.
 */
export function evaluateTopics(
  examples: TrainingExample[],
  predicted: string[][],
  exclude: string[] = [],
): Evaluation {
  const skip = new Set(exclude);
  const counts = new Map<string, { tp: number; fp: number; fn: number; support: number }>();
  const get = (t: string) => counts.get(t) ?? counts.set(t, { tp: 0, fp: 0, fn: 0, support: 0 }).get(t)!;
  const errors: Evaluation['errors'] = [];
  examples.forEach((ex, i) => {
    const want = new Set(ex.topics.filter((t) => !skip.has(t)));
    const got = new Set((predicted[i] ?? []).filter((t) => !skip.has(t)));
    for (const t of want) {
      get(t).support++;
      if (got.has(t)) get(t).tp++;
      else get(t).fn++;
    }
    for (const t of got) if (!want.has(t)) get(t).fp++;
    if ([...want].some((t) => !got.has(t)) || [...got].some((t) => !want.has(t))) {
      errors.push({
        id: typeof ex.id === 'string' ? ex.id : String(i + 1),
        title: ex.title ?? '',
        expected: [...want],
        got: [...got],
      });
    }
  });
  const perTopic = [...counts]
    .map(([topic, c]) => score(topic, c))
    .sort((a, b) => b.support - a.support || a.topic.localeCompare(b.topic));
  const total = perTopic.reduce(
    (a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn, support: a.support + s.support }),
    { tp: 0, fp: 0, fn: 0, support: 0 },
  );
  return { perTopic, micro: score('micro', total), errors };
}

/** Rules only: the taxonomy's topics for every example. */
export function predictWithRules(examples: TrainingExample[], taxonomy: Taxonomy): string[][] {
  return examples.map((ex) => classifyTopics(ex, taxonomy).map((t) => t.name));
}

/**
 * k-fold cross-validation of rules + model: fold f is classified by a model trained on the other
 * folds only, so no example is ever scored by a model that saw it. Folds are assigned round-robin
 * (deterministic).
 */
export function crossValidate(
  examples: TrainingExample[],
  taxonomy: Taxonomy,
  k = 5,
  options?: TrainOptions,
): string[][] {
  const predicted: string[][] = new Array<string[]>(examples.length);
  for (let fold = 0; fold < k; fold++) {
    const train = examples.filter((_, i) => i % k !== fold);
    const model = trainTopicModel(train, taxonomy, undefined, options);
    examples.forEach((ex, i) => {
      if (i % k === fold) predicted[i] = classifyTopics(ex, taxonomy, model).map((t) => t.name);
    });
  }
  return predicted;
}

function score(topic: string, c: { tp: number; fp: number; fn: number; support: number }): TopicScore {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 1;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { topic, ...c, precision, recall, f1 };
}
