import { classifyTopics, rootOf } from './classify-topics.js';
import type { Taxonomy } from './compile-taxonomy.js';
import type { TrainingExample } from './parse-training-file.js';
import { fingerprintArticle, sigmoid } from './predict-topics.js';
import { countTerms, vectorize } from './text-features.js';
import type { Correction, TopicModel } from './topic-model.js';

/** Knobs of the training; the defaults are what docs/benchmarks/topics.md measured. */
export interface TrainOptions {
  /** Full-batch gradient steps per topic. */
  epochs?: number;
  /** L2 pull towards the previous model's weights (towards 0 for a first training). */
  l2?: number;
  /** A feature must occur in this many documents (over all trainings) to enter the vocabulary. */
  minDf?: number;
  addThreshold?: number;
  learnedThreshold?: number;
}

const DEFAULTS = { epochs: 150, l2: 0.001, minDf: 2, addThreshold: 0.7, learnedThreshold: 0.5 };

/**
 * Trains one-vs-rest logistic regression over TF-IDF features, one binary classifier per topic
 * named in the examples (umbrella topics excepted: they are implied by their children). Names not
 * in the taxonomy become learned topics under the umbrella. Examples whose topics are only
 * "+Name"/"-Name" are editor corrections: their labels are the rules' topics with the correction
 * applied, and the correction is stored so that the same article is always classified that way.
 *
 * Why our own implementation: ~100 lines, deterministic (full-batch gradient descent, no random
 * init), serialisable as plain JSON, and no maintained npm library offers multi-label TF-IDF +
 * logistic regression with warm start for Node 20 without native code.
 *
 * `previous` warm-starts: document frequencies add up, its weights are the starting point and the
 * L2 prior's centre (so new examples adjust rather than overwrite), its topics and corrections
 * are kept unless the new examples say otherwise.
 */
export function trainTopicModel(
  examples: TrainingExample[],
  taxonomy: Taxonomy,
  previous?: TopicModel,
  options: TrainOptions = {},
): TopicModel {
  const opt = { ...DEFAULTS, ...options };
  const umbrellas = new Set(taxonomy.topics.filter((t) => t.def.kind === 'umbrella').map((t) => t.name));
  const corrections: Record<string, Correction> = { ...(previous?.corrections ?? {}) };
  const labelled = examples.map((ex) => {
    const plain = ex.topics.filter((t) => !/^[+-]/.test(t));
    const add = ex.topics.filter((t) => t.startsWith('+')).map((t) => t.slice(1).trim());
    const remove = ex.topics.filter((t) => t.startsWith('-')).map((t) => t.slice(1).trim());
    let labels = new Set(plain);
    if (add.length || remove.length) {
      if (!plain.length) labels = new Set(classifyTopics(ex, taxonomy).map((t) => t.name));
      for (const a of add) labels.add(a);
      for (const r of remove) labels.delete(r);
      corrections[fingerprintArticle(ex.title, ex.text)] = { add, remove };
    }
    for (const u of umbrellas) labels.delete(u);
    return { counts: countTerms(ex.title, ex.text), labels };
  });

  // Document frequencies add up across trainings, so IDF reflects everything seen.
  // Maps, not plain objects: a term like "constructor" or "toString" must not meet Object.prototype.
  const dfMap = new Map<string, number>(Object.entries(previous?.df ?? {}));
  const seen = new Map<string, number>();
  for (const { counts } of labelled) for (const term of counts.keys()) seen.set(term, (seen.get(term) ?? 0) + 1);
  for (const [term, n] of seen) {
    const total = (dfMap.get(term) ?? 0) + n;
    if (total >= opt.minDf) dfMap.set(term, total);
  }
  const df: Record<string, number> = Object.fromEntries(dfMap);
  const docCount = (previous?.docCount ?? 0) + labelled.length;
  const vocab = Object.keys(df);
  const index = new Map(vocab.map((t, i) => [t, i]));
  const rows = labelled.map(({ counts, labels }) => {
    const v = vectorize(counts, df, docCount);
    return { idx: [...v.keys()].map((k) => index.get(k)!), val: [...v.values()], labels };
  });

  const names = new Set<string>([...Object.keys(previous?.topics ?? {})]);
  for (const r of rows) for (const l of r.labels) names.add(l);
  const root = rootOf(taxonomy);
  const topics: TopicModel['topics'] = {};
  for (const name of [...names].sort()) {
    const prior = previous?.topics[name];
    const y = rows.map((r) => (r.labels.has(name) ? 1 : 0));
    const positives = y.reduce<number>((a, b) => a + b, 0);
    if (!positives && !prior) continue;
    const w0 = new Float64Array(vocab.length);
    for (const [k, w] of Object.entries(prior?.weights ?? {})) {
      const i = index.get(k);
      if (i !== undefined) w0[i] = w;
    }
    const { w, b } = fitLogistic(rows, y, w0, prior?.bias ?? 0, opt);
    const weights: Record<string, number> = {};
    for (let i = 0; i < vocab.length; i++) if (Math.abs(w[i]!) > 1e-4) weights[vocab[i]!] = w[i]!;
    const learned = !taxonomy.byName.has(name);
    topics[name] = {
      bias: b,
      weights,
      learned,
      ...(learned && root ? { parent: prior?.parent ?? root } : {}),
      positives: (prior?.positives ?? 0) + positives,
    };
  }
  return {
    format: 'heatwire-topic-model',
    version: 1,
    docCount,
    df,
    topics,
    corrections,
    addThreshold: opt.addThreshold,
    learnedThreshold: opt.learnedThreshold,
  };
}

/**
 * Minimises the mean class-weighted log-loss + (l2/2)·‖w − w0‖² by full-batch gradient descent.
 * Positives are weighted √(neg/pos) (capped at 5) so rare topics are not drowned by negatives.
 */
function fitLogistic(
  rows: Array<{ idx: number[]; val: number[] }>,
  y: number[],
  w0: Float64Array,
  b0: number,
  opt: { epochs: number; l2: number },
): { w: Float64Array; b: number } {
  const n = rows.length;
  const w = Float64Array.from(w0);
  let b = b0;
  if (!n) return { w, b };
  const pos = y.reduce((a, c) => a + c, 0);
  const posWeight = pos ? Math.min(5, Math.max(1, Math.sqrt((n - pos) / pos))) : 1;
  // Rows are L2-normalised, so the loss is smooth with a small constant: a fixed step is stable;
  // Nesterov momentum reaches the optimum in a few hundred steps instead of thousands.
  const lr = 1.5;
  const momentum = 0.9;
  const grad = new Float64Array(w.length);
  const velocity = new Float64Array(w.length);
  let vb = 0;
  const look = new Float64Array(w.length);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    grad.fill(0);
    let gb = 0;
    // Gradient at the look-ahead point w + μv (Nesterov).
    for (let i = 0; i < w.length; i++) look[i] = w[i]! + momentum * velocity[i]!;
    const lookB = b + momentum * vb;
    for (let r = 0; r < n; r++) {
      const { idx, val } = rows[r]!;
      let z = lookB;
      for (let k = 0; k < idx.length; k++) z += look[idx[k]!]! * val[k]!;
      const weight = y[r] ? posWeight : 1;
      const g = (weight * (sigmoid(z) - y[r]!)) / n;
      gb += g;
      for (let k = 0; k < idx.length; k++) grad[idx[k]!]! += g * val[k]!;
    }
    for (let i = 0; i < w.length; i++) {
      velocity[i] = momentum * velocity[i]! - lr * (grad[i]! + opt.l2 * (look[i]! - w0[i]!));
      w[i]! += velocity[i]!;
    }
    vb = momentum * vb - lr * gb;
    b += vb;
  }
  return { w, b };
}
