import { createHash } from 'node:crypto';
import type { TopicInput } from './score-rules.js';
import { countTerms, vectorize } from './text-features.js';
import type { Correction, TopicModel } from './topic-model.js';

/** A model turned around for scoring: feature → [(topic index, weight)], built once per model. */
interface InvertedModel {
  /** The vocabulary, for counting only the terms the model knows. */
  vocabulary: ReadonlySet<string>;
  names: string[];
  biases: Float64Array;
  postings: Map<string, Array<[number, number]>>;
}
const inverted = new WeakMap<TopicModel, InvertedModel>();

function invert(model: TopicModel): InvertedModel {
  const cached = inverted.get(model);
  if (cached) return cached;
  const names = Object.keys(model.topics);
  const biases = new Float64Array(names.length);
  const postings = new Map<string, Array<[number, number]>>();
  names.forEach((name, i) => {
    const t = model.topics[name]!;
    biases[i] = t.bias;
    for (const [feature, w] of Object.entries(t.weights)) {
      const list = postings.get(feature);
      if (list) list.push([i, w]);
      else postings.set(feature, [[i, w]]);
    }
  });
  const built = { vocabulary: new Set(Object.keys(model.df)), names, biases, postings };
  inverted.set(model, built);
  return built;
}

/** Probability per model topic for an article (logistic regression over its TF-IDF vector). */
export function predictTopics(model: TopicModel, input: TopicInput): Map<string, number> {
  const { vocabulary, names, biases, postings } = invert(model);
  const x = vectorize(countTerms(input.title, input.text, vocabulary), model.df, model.docCount);
  // One pass over the article's features, each looked up once for all topics.
  const z = Float64Array.from(biases);
  for (const [feature, v] of x) {
    for (const [i, w] of postings.get(feature) ?? []) z[i]! += w * v;
  }
  const out = new Map<string, number>();
  names.forEach((name, i) => out.set(name, sigmoid(z[i]!)));
  return out;
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The editor's correction stored for this very article, if any. */
export function findCorrection(model: TopicModel, input: TopicInput): Correction | undefined {
  // Hashing the whole text is not free: skip it when there is nothing to look up.
  for (const _ in model.corrections) {
    const key = fingerprintArticle(input.title, input.text);
    return Object.hasOwn(model.corrections, key) ? model.corrections[key] : undefined;
  }
  return undefined;
}

/**
 * Identity of an article for editor corrections: a hash of its title and text with case and
 * whitespace normalised, so a re-ingested copy of the same article finds its correction.
 */
export function fingerprintArticle(title: string | undefined, text: string): string {
  const norm = `${title ?? ''}\n${text}`.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm).digest('hex').slice(0, 24);
}
