import { toHeatwireError } from '../core/errors.js';
import { reencrypt, type KeyRing } from '../secure/index.js';
import type { EnrichmentUpdate, Store } from '../store/store.js';
import type { IngestFailure } from './ingest.js';

export interface RotateSummary {
  keyId: string;
  reencrypted: number;
  /** Sealed enrichment blobs (summary, generated excerpt, move evidence) moved to the new key. */
  resealed: number;
  failed: IngestFailure[];
}

interface Sealed {
  secured: string;
  keyId: string;
}

function sealedOf(extended: Record<string, unknown>): Sealed | null {
  const s = extended.sealed as Partial<Sealed> | undefined;
  return s && typeof s.secured === 'string' && typeof s.keyId === 'string' ? { secured: s.secured, keyId: s.keyId } : null;
}

/**
 * Re-encrypts every stored full text, and every sealed enrichment blob (what quotes the text:
 * summary, generated excerpt, move evidence), under the ring's current key, in batches of one
 * transaction each, so that an old key can be retired afterwards without losing anything. A value
 * that fails authentication is reported and left as it is.
 */
export async function reencryptAll(
  store: Store,
  ring: KeyRing,
  onProgress?: (done: number, total: number) => void,
): Promise<RotateSummary> {
  const summary: RotateSummary = { keyId: ring.currentId, reencrypted: 0, resealed: 0, failed: [] };
  const total = await store.countArticles();
  let seen = 0;
  let batch: Array<{ id: string; ciphertext: string; keyId: string }> = [];
  let sealedBatch: EnrichmentUpdate[] = [];
  const flush = async () => {
    if (batch.length) await store.updateSecured(batch);
    if (sealedBatch.length) await store.updateEnrichment(sealedBatch);
    summary.reencrypted += batch.length;
    summary.resealed += sealedBatch.length;
    batch = [];
    sealedBatch = [];
  };
  for await (const row of store.iterateArticles(500)) {
    seen += 1;
    const sealed = sealedOf(row.extended);
    if (sealed && sealed.keyId !== ring.currentId) {
      try {
        const next = reencrypt(sealed.secured, sealed.keyId, ring);
        sealedBatch.push({ id: row.id, topics: row.topics, extended: { ...row.extended, sealed: { secured: next.secured, keyId: next.keyId } } });
      } catch (err) {
        const e = toHeatwireError(err, row.id);
        summary.failed.push({ input: row.id, code: e.code, reason: `sealed enrichment: ${e.message}` });
      }
    }
    if (row.secured?.kind === 'own' && row.secured.keyId !== ring.currentId) {
      try {
        const next = reencrypt(row.secured.ciphertext, row.secured.keyId, ring);
        batch.push({ id: row.id, ciphertext: next.secured, keyId: next.keyId });
      } catch (err) {
        const e = toHeatwireError(err, row.id);
        summary.failed.push({ input: row.id, code: e.code, reason: e.message });
      }
    }
    if (batch.length + sealedBatch.length >= 500) await flush();
    onProgress?.(seen, total);
  }
  await flush();
  return summary;
}
