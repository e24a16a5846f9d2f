import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';

/** One topic's logistic-regression weights over TF-IDF features. */
export const TopicWeightsSchema = z.strictObject({
  bias: z.number(),
  weights: z.record(z.string(), z.number()),
  /** true when the topic is not in the taxonomy (learned from examples). */
  learned: z.boolean(),
  /** Learned topics hang under this parent (the taxonomy's umbrella by default). */
  parent: z.string().optional(),
  /** Positive examples seen, over all trainings. */
  positives: z.number().int().nonnegative(),
});

/** An editor's correction of one article's topics, keyed by the article's fingerprint. */
export const CorrectionSchema = z.strictObject({ add: z.array(z.string()), remove: z.array(z.string()) });
export type Correction = z.infer<typeof CorrectionSchema>;

/** The learned topic model, as stored (JSON). */
export const TopicModelSchema = z.strictObject({
  format: z.literal('heatwire-topic-model'),
  version: z.literal(1),
  /** Documents seen over all trainings, and per feature how many contained it (mergeable IDF). */
  docCount: z.number().int().nonnegative(),
  df: z.record(z.string(), z.number().int().positive()),
  topics: z.record(z.string(), TopicWeightsSchema),
  corrections: z.record(z.string(), CorrectionSchema),
  /** Probability at which the model adds a taxonomy topic the rules did not find. */
  addThreshold: z.number().min(0).max(1),
  /** Probability at which the model adds a learned topic. */
  learnedThreshold: z.number().min(0).max(1),
});
export type TopicModel = z.infer<typeof TopicModelSchema>;

/** The model as JSON text (stable key order, weights rounded to 6 significant digits). */
export function serializeModel(model: TopicModel): string {
  return JSON.stringify(model, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(6)) : v,
  );
}

/** Parses and validates a serialised model; errors name `origin`. */
export function loadModel(json: string, origin = 'topic model'): TopicModel {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (err) {
    throw new HeatwireError('JSON_SYNTAX', `topic model: ${(err as Error).message}`, {
      input: origin,
      cause: err,
    });
  }
  const parsed = TopicModelSchema.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new HeatwireError(
      'RECORD_INVALID',
      `topic model ${first?.path.join('.') || '(file)'}: ${first?.message}`,
      { input: origin },
    );
  }
  return parsed.data;
}
