import { HeatwireError } from '../core/errors.js';

/**
 * Caps applied to untrusted HTML. Every one bounds work or memory so that a hostile page (deep
 * nesting, millions of attributes, huge entity runs) costs at most a known amount of time.
 */
export interface ExtractLimits {
  /** Input size cap in UTF-8 bytes (default 5 MB). */
  maxBytes: number;
  /** What to do with a larger input: keep the first `maxBytes` or refuse with INPUT_TOO_LARGE. */
  oversize: 'truncate' | 'refuse';
  /** Wall-clock budget for one page in ms (default 5000); exceeding it is EXTRACT_FAILED. */
  timeBudgetMs: number;
  /** Elements kept; parsing stops (and the page is marked truncated) beyond this many. */
  maxElements: number;
  /** Nesting depth kept; deeper tags are dropped and their text goes to the deepest kept one. */
  maxDepth: number;
  /** Attributes kept per element; the rest are ignored. */
  maxAttributes: number;
}

/** The defaults used when an option is not given. */
export const DEFAULT_LIMITS: ExtractLimits = {
  maxBytes: 5 * 1024 * 1024,
  oversize: 'truncate',
  timeBudgetMs: 5000,
  maxElements: 200_000,
  maxDepth: 256,
  maxAttributes: 64,
};

/** A wall-clock deadline checked at loop boundaries (parsing, scoring, cleaning). */
export class Budget {
  private readonly deadline: number;

  constructor(
    readonly ms: number,
    private readonly input?: string,
  ) {
    this.deadline = performance.now() + ms;
  }

  /** True once the deadline has passed. */
  expired(): boolean {
    return performance.now() > this.deadline;
  }

  /** Throws EXTRACT_FAILED when the deadline has passed; `stage` names where it ran out. */
  check(stage: string): void {
    if (this.expired()) {
      throw new HeatwireError('EXTRACT_FAILED', `time budget of ${this.ms} ms exceeded during ${stage}`, {
        input: this.input,
      });
    }
  }
}
