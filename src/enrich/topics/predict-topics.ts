import { createHash } from 'node:crypto';
import type { TopicInput } from './score-rules.js';
import { countTerms, idf } from './text-features.js';
import type { Correction, TopicModel } from './topic-model.js';

/** One feature of a model, turned around for scoring: its IDF and its weight per topic. */
interface Feature {
  idf: number;
  /** Topic indexes (ascending) and their weights for this feature. */
  topics: Int32Array;
  weights: Float64Array;
}

/** A model turned around for scoring: feature → IDF and [(topic index, weight)], built once per model. */
interface InvertedModel {
  names: string[];
  biases: Float64Array;
  /** The vocabulary (the model's `df` terms), for counting only the terms the model knows. */
  features: Map<string, Feature>;
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
  // Typed arrays per feature, IDF precomputed: scoring was dominated by iterating [i, w] pairs
  // and looking terms up in the (dictionary-mode) `df` record.
  const features = new Map<string, Feature>();
  for (const term of Object.keys(model.df)) {
    const list = postings.get(term) ?? [];
    features.set(term, {
      idf: idf(model.docCount, model.df[term]!),
      topics: Int32Array.from(list, ([i]) => i),
      weights: Float64Array.from(list, ([, w]) => w),
    });
  }
  const built = { names, biases, features };
  inverted.set(model, built);
  return built;
}

/** Probability per model topic for an article (logistic regression over its TF-IDF vector). */
export function predictTopics(model: TopicModel, input: TopicInput): Map<string, number> {
  const { names, biases, features } = invert(model);
  // The TF-IDF vector of `vectorize` (same operations in the same order, so the same numbers),
  // without building it: counts only hold known terms, each feature is looked up once.
  const counts = countTerms(input.title, input.text, features);
  const found: Feature[] = [];
  const values: number[] = [];
  let norm = 0;
  for (const [term, tf] of counts) {
    const f = features.get(term);
    if (f === undefined) continue;
    const w = (1 + Math.log(tf)) * f.idf;
    found.push(f);
    values.push(w);
    norm += w * w;
  }
  norm = Math.sqrt(norm);
  // One pass over the article's features, each adding its weight to every topic that has one.
  const z = Float64Array.from(biases);
  for (let k = 0; k < found.length; k++) {
    const { topics, weights } = found[k]!;
    const v = norm > 0 ? values[k]! / norm : values[k]!;
    for (let j = 0; j < topics.length; j++) z[topics[j]!]! += weights[j]! * v;
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
