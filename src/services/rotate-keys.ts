import { toHeatwireError } from '../core/errors.js';
import { reencrypt, type KeyRing } from '../secure/index.js';
import type { Store } from '../store/store.js';
import type { IngestFailure } from './ingest.js';

export interface RotateSummary {
  keyId: string;
  reencrypted: number;
  failed: IngestFailure[];
}

/**
 * Re-encrypts every stored full text under the ring's current key, in batches of one
 * transaction each. A text that fails authentication is reported and left as it is.
 */
export async function reencryptAll(
  store: Store,
  ring: KeyRing,
  onProgress?: (done: number, total: number) => void,
): Promise<RotateSummary> {
  const summary: RotateSummary = { keyId: ring.currentId, reencrypted: 0, failed: [] };
  const total = await store.countArticles();
  let seen = 0;
  let batch: Array<{ id: string; ciphertext: string; keyId: string }> = [];
  const flush = async () => {
    if (batch.length) await store.updateSecured(batch);
    summary.reencrypted += batch.length;
    batch = [];
  };
  for await (const row of store.iterateArticles(500)) {
    seen += 1;
    if (row.secured?.kind === 'own' && row.secured.keyId !== ring.currentId) {
      try {
        const next = reencrypt(row.secured.ciphertext, row.secured.keyId, ring);
        batch.push({ id: row.id, ciphertext: next.secured, keyId: next.keyId });
      } catch (err) {
        const e = toHeatwireError(err, row.id);
        summary.failed.push({ input: row.id, code: e.code, reason: e.message });
      }
    }
    if (batch.length >= 500) await flush();
    onProgress?.(seen, total);
  }
  await flush();
  return summary;
}
