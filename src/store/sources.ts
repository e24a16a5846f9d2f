import { z } from 'zod';

/**
 * The sources port (issue 3 §2): the feeds Heatwire follows, their HTTP validators, when each is
 * next due and how it has been failing. Stages never see SQL: they get a SourceStore. Methods
 * are async so that a PostgreSQL implementation can share the interface.
 */

/** Whether a source's items get their page fetched and extracted (teaser feeds). */
export const FULL_TEXT_MODES = ['auto', 'always', 'never'] as const;

/** Per-source settings, stored as JSON and validated on every read and write. */
export const SourceSettingsSchema = z.object({
  /** auto: fetch the page when an item looks like a teaser; always; never. */
  fullText: z.enum(FULL_TEXT_MODES).default('auto'),
  /** Shortest delay between two polls of a busy feed, minutes. */
  minPollMinutes: z.number().int().min(1).max(10_080).default(15),
  /** Longest delay between two polls of a quiet feed, minutes (failures back off beyond it). */
  maxPollMinutes: z.number().int().min(1).max(10_080).default(1440),
  /** Folder names from OPML, or `--tag`; exported back as nested outlines. */
  tags: z.array(z.string().trim().min(1)).default([]),
});
/** Validated source settings. */
export type SourceSettings = z.infer<typeof SourceSettingsSchema>;
/** Settings as given (every field optional). */
export type SourceSettingsInput = z.input<typeof SourceSettingsSchema>;

/** One followed feed as stored. Times are ISO 8601 UTC. */
export interface Source {
  id: number;
  /** Canonical feed URL (unique). */
  feedUrl: string;
  siteUrl: string | null;
  title: string | null;
  etag: string | null;
  lastModified: string | null;
  nextCheckAt: string;
  lastCheckedAt: string | null;
  lastSuccessAt: string | null;
  /** Failed polls ever. */
  errorCount: number;
  lastError: string | null;
  /** Failed polls since the last success (drives the backoff). */
  consecutiveFailures: number;
  /** Successful polls in a row that found nothing new (drives adaptive polling). */
  consecutiveUnchanged: number;
  settings: SourceSettings;
  createdAt: string;
}

/** A source to add. */
export interface NewSource {
  feedUrl: string;
  siteUrl?: string | null;
  title?: string | null;
  settings?: SourceSettingsInput;
}

/** What one poll found, written back on the source. */
export type PollRecord =
  | {
      ok: true;
      checkedAt: string;
      nextCheckAt: string;
      /** New or updated items were stored. */
      changed: boolean;
      etag: string | null;
      lastModified: string | null;
      /** Filled in only where the source has none yet. */
      title?: string | null;
      siteUrl?: string | null;
      /**
       * The feed moved permanently (301/308): its new address, stored unless another source
       * already follows it.
       */
      movedTo?: string;
    }
  | { ok: false; checkedAt: string; nextCheckAt: string; error: string };

/** The sources repository. */
export interface SourceStore {
  /** Inserts a source, or returns the existing one with the same feed URL (`added: false`). */
  addSource(source: NewSource, now: string): Promise<{ source: Source; added: boolean }>;
  /** By numeric id or by feed URL (callers pass the canonical form); null when absent. */
  getSource(idOrUrl: number | string): Promise<Source | null>;
  /** Every source, by id. */
  listSources(): Promise<Source[]>;
  /** Deletes a source (stored articles stay); false when there was none. */
  removeSource(id: number): Promise<boolean>;
  /** Records a poll's outcome: validators, next check, error counters. Returns the new state. */
  recordPoll(id: number, poll: PollRecord): Promise<Source>;
  /** Sources whose next check is at or before `now`, most overdue first. */
  dueSources(now: string, limit: number): Promise<Source[]>;
}
