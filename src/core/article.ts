import type { NewsRecord } from './record.js';

/**
 * One parsed input item on its way into the store: the record as it came, plus the full text
 * (if any) and where it came from. Produced by every reader (records, JSONL, text, feeds, pages).
 */
export interface IncomingItem {
  /** The record in its original key order, unknown fields kept. `related` holds nested records. */
  record: NewsRecord;
  /** Plain full text, when the input carried it (a record body, JSONL `text`, a text page). */
  text?: string;
  /** Sanitised HTML of the body, when the input carried HTML. */
  html?: string;
  /** File path or URL the item came from, for error messages and provenance. */
  origin: string;
  /** 1-based line in `origin` (JSONL). */
  line?: number;
}
