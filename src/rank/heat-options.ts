import { z } from 'zod';
import { HeatwireError } from '../core/errors.js';
import { describeZodError } from '../core/record.js';

const HOUR_MS = 3_600_000;

/**
 * The constants of the heat formula (docs/heat.md). Every one can be overridden per call so that
 * an operator can tune heat without a code change; the defaults are the documented ones.
 */
export const HeatOptionsSchema = z.strictObject({
  /** Half-life of the recency decay, in hours: a story quiet for this long has lost half its heat. */
  halfLifeHours: z.number().positive().default(12),
  /** The "new coverage" window, in hours (velocity). */
  recentHours: z.number().positive().default(6),
  /** The window before `recentHours` that velocity is compared against (trend). */
  priorHours: z.number().positive().default(24),
  /** Last coverage older than this is not scored (`-1`). */
  maxAgeDays: z.number().positive().default(7),
  /** A story with one provider and no coverage for this long is not scored (`-1`). */
  staleAloneHours: z.number().positive().default(48),
  /** Provider count at which the provider signal saturates. */
  providerCap: z.number().int().min(2).default(20),
  /** Articles in the recent window at which the velocity signal saturates. */
  velocityCap: z.number().int().min(2).default(12),
  /** Quality is the mean of the best `qualityTopK` articles. */
  qualityTopK: z.number().int().positive().default(3),
  /** Quality assumed when no article carries one (0–100). */
  qualityDefault: z.number().min(0).max(100).default(50),
  /** Weights of the provider, velocity and quality signals in the base (they should sum to 1). */
  weights: z
    .strictObject({
      providers: z.number().nonnegative(),
      velocity: z.number().nonnegative(),
      quality: z.number().nonnegative(),
    })
    .default({ providers: 0.5, velocity: 0.3, quality: 0.2 }),
  /** Multiplicative boost per watched person or organisation mentioned, and its cap. */
  watchedBoostEach: z.number().nonnegative().default(0.15),
  watchedBoostMax: z.number().nonnegative().default(0.3),
  /** Trend: the recent rate must exceed the prior rate by this factor to be "rising". */
  risingRatio: z.number().min(1).default(1.5),
  /** Trend: the recent rate below this fraction of the prior rate is "cooling". */
  coolingRatio: z.number().min(0).max(1).default(0.5),
});

/** Heat options as passed by callers (every field optional). */
export type HeatOptionsInput = z.input<typeof HeatOptionsSchema>;
/** Heat options with every default filled in. */
export type HeatOptions = z.output<typeof HeatOptionsSchema>;

let defaults: HeatOptions | undefined;

/** Validates caller options and fills in the documented defaults; throws USAGE when invalid. */
export function resolveHeatOptions(options?: HeatOptionsInput): HeatOptions {
  // Scoring a whole story list calls this once per story: parse the defaults only once.
  if (options === undefined) return (defaults ??= HeatOptionsSchema.parse({}));
  const parsed = HeatOptionsSchema.safeParse(options);
  if (!parsed.success) throw new HeatwireError('USAGE', `heat options: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** Milliseconds of an hour, shared by the rank modules. */
export const HOUR = HOUR_MS;
