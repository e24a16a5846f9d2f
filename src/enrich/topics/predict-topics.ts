import { createHash } from 'node:crypto';
import type { TopicInput } from './score-rules.js';
import { countTerms, vectorize, type SparseVector } from './text-features.js';
import type { Correction, TopicModel } from './topic-model.js';

/** Probability per model topic for an article (logistic regression over its TF-IDF vector). */
export function predictTopics(model: TopicModel, input: TopicInput): Map<string, number> {
  const x = vectorize(countTerms(input.title, input.text), model.df, model.docCount);
  const out = new Map<string, number>();
  for (const [name, t] of Object.entries(model.topics)) out.set(name, sigmoid(dot(t.weights, t.bias, x)));
  return out;
}

/** w·x + b over a sparse x. */
export function dot(weights: Readonly<Record<string, number>>, bias: number, x: SparseVector): number {
  let z = bias;
  for (const [k, v] of x) {
    const w = weights[k];
    if (w !== undefined) z += w * v;
  }
  return z;
}

/** The logistic function, safe for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The editor's correction stored for this very article, if any. */
export function findCorrection(model: TopicModel, input: TopicInput): Correction | undefined {
  return model.corrections[fingerprintArticle(input.title, input.text)];
}

/**
 * Identity of an article for editor corrections: a hash of its title and text with case and
 * whitespace normalised, so a re-ingested copy of the same article finds its correction.
 */
export function fingerprintArticle(title: string | undefined, text: string): string {
  const norm = `${title ?? ''}\n${text}`.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(norm).digest('hex').slice(0, 24);
}
