import type { NewsRecord } from '../core/record.js';
import type { Store } from '../store/store.js';

/**
 * Returns a copy of `record` whose `related` list is `related` (whole records, as the seeds nest
 * them), at the position the record's own list had (or at the end). Nested records lose their own
 * `related` (no recursion) and `secured` (a related entry is a pointer, not a second copy of the
 * text). An empty list removes `related`.
 */
export function withComputedRelated(record: NewsRecord, related: readonly NewsRecord[]): NewsRecord {
  const nested = related.map(({ related: _r, secured: _s, ...rest }) => rest as NewsRecord);
  const out: Record<string, unknown> = {};
  let placed = false;
  for (const [k, v] of Object.entries(record)) {
    if (k !== 'related') out[k] = v;
    else if (nested.length) {
      out.related = nested;
      placed = true;
    }
  }
  if (!placed && nested.length) out.related = nested;
  return out as NewsRecord;
}

/** Reads the stored records of Heatwire's computed related ids (missing ones are skipped). */
export async function loadComputedRelated(
  store: Pick<Store, 'getArticle'>,
  ids: readonly string[],
): Promise<NewsRecord[]> {
  const rows = await Promise.all(ids.map((id) => store.getArticle(id)));
  return rows.filter((r) => r !== null).map((r) => r.record);
}
