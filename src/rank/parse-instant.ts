import { isRealIsoDateTime } from '../core/record.js';

const HAS_TIME_NO_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;

/**
 * Epoch milliseconds of an ISO 8601 date or date-time, or `undefined` when it is missing or not a
 * real instant. A date-time without an offset is read as UTC — the news record stores UTC
 * (DESIGN.md §2) and `Date.parse` would otherwise read it in the host's zone (ECMA-262
 * §21.4.3.2), making heat depend on where the server runs.
 */
export function parseInstant(value: string | undefined | null): number | undefined {
  if (typeof value !== 'string' || !isRealIsoDateTime(value.trim())) return undefined;
  const text = value.trim().replace(' ', 'T');
  const ms = Date.parse(HAS_TIME_NO_ZONE.test(text) ? `${text}Z` : text);
  return Number.isFinite(ms) ? ms : undefined;
}
