import robotsParserModule from 'robots-parser';
import { HeatwireError } from '../../core/errors.js';
import type { Clock } from './host-scheduler.js';
import { detailOf } from './send-request.js';

/** The part of robots-parser's Robot we use. */
interface Robot {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getMatchingLineNumber(url: string, ua?: string): number;
  getCrawlDelay(ua?: string): number | undefined;
}

// robots-parser is CommonJS (`module.exports = fn`) but its typings declare an ES default
// export, which NodeNext types as `{ default: fn }`; take whichever shape the loader gives.
const robotsParser = ((robotsParserModule as unknown as { default?: unknown }).default ??
  robotsParserModule) as unknown as (url: string, contents: string) => Robot;

/** What the robots.txt request answered (after following up to five redirects). */
export interface RobotsResponse {
  status: number;
  body: Buffer;
  /** More than five redirects: RFC 9309 §2.3.1.2 lets us treat the file as unavailable. */
  redirectsExceeded?: boolean;
}

/** Fetches one robots.txt URL. Throws on network errors and timeouts (⇒ unreachable). */
export type FetchRobots = (robotsUrl: string) => Promise<RobotsResponse>;

/** The answer for one URL. */
export interface RobotsVerdict {
  allowed: boolean;
  /** Crawl-delay of the group that applies to us, in ms. */
  crawlDelayMs?: number;
  /** Why the URL is refused (when `allowed` is false). */
  reason?: string;
  /** The refusal is temporary: robots.txt is unreachable (5xx, 429, network error). */
  temporary?: boolean;
}

/** Options of {@link RobotsCache}. */
export interface RobotsCacheOptions {
  clock: Clock;
  fetchRobots: FetchRobots;
  /** Our product token, matched case-insensitively against User-agent lines (RFC 9309 §2.2.1). */
  token: string;
  /** How long a fetched file (or a 4xx "allow all") is trusted. RFC 9309 §2.4: at most 24 h. */
  ttlMs: number;
  /** How long an unreachable answer (5xx, 429, network error ⇒ disallow) is kept before retrying. */
  errorTtlMs: number;
  /** Most origins held; the least recently used are dropped first. */
  maxEntries?: number;
}

interface Entry {
  expiresAt: number;
  kind: 'rules' | 'allow-all' | 'disallow-all';
  robot?: Robot;
  /** When the rules were fetched; an unreachable refresh may keep using them (RFC 9309 §2.3.1.4). */
  fetchedAt?: number;
  detail: string;
}

/** A stale copy older than this is not used when the server is unreachable (RFC 9309 suggests 30 days). */
const STALE_LIMIT_MS = 30 * 24 * 3600 * 1000;

/**
 * robots.txt per origin (scheme, host, port — RFC 9309 §2.3), fetched once and cached.
 * Parsing and matching are done by the `robots-parser` package (longest match wins, Allow wins a
 * tie, `*` and `$` patterns, our token's group else `*`). Status handling is RFC 9309 §2.3.1:
 * 2xx parse, 4xx "unavailable" ⇒ allow all, 5xx / network error "unreachable" ⇒ disallow all
 * for `errorTtlMs` (or keep a previous good copy). 429 is treated as unreachable: it asks us to
 * slow down, not that there are no rules.
 */
export class RobotsCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();

  constructor(private readonly options: RobotsCacheOptions) {}

  /** The verdict for `url`; fetches the origin's robots.txt first when not cached or expired. */
  async check(url: URL): Promise<RobotsVerdict> {
    const entry = await this.entryFor(url.origin);
    if (entry.kind === 'allow-all') return { allowed: true };
    if (entry.kind === 'disallow-all') {
      return {
        allowed: false,
        temporary: true,
        reason: `robots.txt of ${url.origin} is unreachable (${entry.detail}): not fetching until it answers`,
      };
    }
    const robot = entry.robot as Robot;
    const token = this.options.token;
    const delay = robot.getCrawlDelay(token);
    const crawlDelayMs =
      typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay * 1000 : undefined;
    // undefined means "another origin": cannot happen as the key is the origin; allow then.
    if (robot.isAllowed(url.href, token) === false) {
      const line = robot.getMatchingLineNumber(url.href, token);
      return {
        allowed: false,
        crawlDelayMs,
        reason: `robots.txt of ${url.origin} disallows ${url.pathname}${url.search} for ${token} (line ${line})`,
      };
    }
    return { allowed: true, crawlDelayMs };
  }

  /** Forgets every cached file (operator command, tests). */
  clear(): void {
    this.entries.clear();
  }

  private async entryFor(origin: string): Promise<Entry> {
    const now = this.options.clock.now();
    const cached = this.entries.get(origin);
    if (cached && cached.expiresAt > now) {
      // Refresh LRU position.
      this.entries.delete(origin);
      this.entries.set(origin, cached);
      return cached;
    }
    let pending = this.inflight.get(origin);
    if (!pending) {
      pending = this.load(origin, cached).finally(() => this.inflight.delete(origin));
      this.inflight.set(origin, pending);
    }
    return pending;
  }

  private async load(origin: string, previous: Entry | undefined): Promise<Entry> {
    const { clock, ttlMs, errorTtlMs } = this.options;
    const robotsUrl = `${origin}/robots.txt`;
    let entry: Entry;
    try {
      const res = await this.options.fetchRobots(robotsUrl);
      const now = clock.now();
      if (res.redirectsExceeded) {
        entry = { kind: 'allow-all', expiresAt: now + ttlMs, detail: 'too many redirects' };
      } else if (res.status >= 200 && res.status < 300) {
        const text = res.body.toString('utf8').replace(/^\uFEFF/, '');
        entry = {
          kind: 'rules',
          robot: robotsParser(robotsUrl, text),
          fetchedAt: now,
          expiresAt: now + ttlMs,
          detail: 'ok',
        };
      } else if (res.status >= 400 && res.status < 500 && res.status !== 429) {
        entry = { kind: 'allow-all', expiresAt: now + ttlMs, detail: `HTTP ${res.status}` };
      } else {
        entry = this.unreachable(previous, `HTTP ${res.status}`, now + errorTtlMs);
      }
    } catch (err) {
      if ((err as { code?: unknown }).code === 'FETCH_BLOCKED') throw err;
      const message = err instanceof HeatwireError ? (detailOf(err) ?? err.message) : String(err);
      entry = this.unreachable(previous, message, clock.now() + errorTtlMs);
    }
    this.store(origin, entry);
    return entry;
  }

  private unreachable(previous: Entry | undefined, detail: string, expiresAt: number): Entry {
    const now = this.options.clock.now();
    if (
      previous?.kind === 'rules' &&
      previous.fetchedAt !== undefined &&
      now - previous.fetchedAt < STALE_LIMIT_MS
    ) {
      return { ...previous, expiresAt };
    }
    return { kind: 'disallow-all', expiresAt, detail };
  }

  private store(origin: string, entry: Entry): void {
    this.entries.delete(origin);
    this.entries.set(origin, entry);
    const max = this.options.maxEntries ?? 10_000;
    while (this.entries.size > max) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
