/** Inputs of {@link nextPollDelay}: what the last polls of one feed found. */
export interface PollState {
  /** The last successful poll found new or changed content. */
  lastChanged: boolean;
  /** Successful polls in a row that found nothing new (0 when the last one changed). */
  consecutiveUnchanged: number;
  /** Failed polls in a row (0 when the last poll succeeded). */
  errorCount: number;
  /** Shortest allowed delay (ms): a busy feed is polled this often. */
  minMs: number;
  /** Longest allowed delay (ms): even a dead feed is looked at this often. */
  maxMs: number;
  /** Uniform random in [0, 1), injected so the result is deterministic in tests. */
  random: () => number;
}

/** Growth per unchanged poll: after ~10 quiet polls a feed is checked about 1/57 as often. */
const UNCHANGED_GROWTH = 1.5;
/** ± share of the delay added as jitter, so feeds added together spread out over time. */
const JITTER = 0.1;

/**
 * The delay before the next poll of a feed (adaptive polling, as Miniflux's scheduler does with
 * its error counter and entry frequency): a feed that just changed is polled after `minMs`; each
 * poll that finds nothing new stretches the delay by 1.5×; errors back off exponentially (2^n)
 * from whichever is longer. Always within [minMs, maxMs], jitter included. Pure.
 *
 * @example nextPollDelay({ lastChanged: false, consecutiveUnchanged: 3, errorCount: 0,
 *   minMs: 60_000, maxMs: 86_400_000, random: Math.random }) // ≈ 202 s ± 10 %
 */
export function nextPollDelay(state: PollState): number {
  const minMs = Math.max(0, Math.min(state.minMs, state.maxMs));
  const maxMs = Math.max(state.minMs, state.maxMs, 0);
  const quiet = state.lastChanged ? 0 : Math.max(0, state.consecutiveUnchanged);
  const errors = Math.max(0, state.errorCount);
  // Cap the exponents: the result is clamped anyway and 2^2000 would be Infinity.
  const base = minMs * UNCHANGED_GROWTH ** Math.min(quiet, 200) * 2 ** Math.min(errors, 200);
  const r = Math.min(Math.max(state.random(), 0), 1);
  const jittered = base * (1 - JITTER + 2 * JITTER * r);
  const bounded = Number.isFinite(jittered) ? jittered : maxMs;
  return Math.round(Math.min(maxMs, Math.max(minMs, bounded)));
}
