import { z } from 'zod';
import { HeatwireError } from '../core/errors.js';
import { describeZodError } from '../core/record.js';
import { hashString, mixHash } from './tokenize-text.js';

/**
 * Where the band buckets live. The default keeps them in memory; a store backs the same shape with
 * a table `(band_key) → article ids` (band_key = "band:hash"), so no all-pairs comparison is ever
 * needed: a lookup reads `bands` buckets.
 */
export interface BandBuckets {
  /** Ids in the bucket `key` (empty when none). */
  ids(key: string): readonly string[];
  add(key: string, id: string): void;
  delete(key: string, id: string): void;
  /** Keys `id` was added under (for `remove`). */
  keysOf(id: string): readonly string[];
  /** Every non-empty bucket, for `serialize`. */
  entries(): Iterable<[string, readonly string[]]>;
}

/** Banding of the signature: `bands × rows` must equal the signature length. */
export interface LshOptions {
  /** Default 16. */
  bands?: number;
  /** Default 8. With 16×8 a pair at Jaccard 0.8 is a candidate with p ≈ 0.95, at 0.5 with p ≈ 0.06. */
  rows?: number;
  /** Bucket storage; in memory by default. */
  buckets?: BandBuckets;
}

/** Plain, JSON-safe state of an LSH index. */
export interface LshState {
  bands: number;
  rows: number;
  buckets: Array<[string, string[]]>;
}

const LshStateSchema = z.object({
  bands: z.number().int().positive(),
  rows: z.number().int().positive(),
  buckets: z.array(z.tuple([z.string().regex(/^\d+:[0-9a-z]+$/), z.array(z.string())])),
});

/** Locality-sensitive hashing index over MinHash signatures. */
export interface LshIndex {
  /** Indexes `id` under each band of `signature` (re-adding an id replaces its old bands). */
  add(id: string, signature: Uint32Array): void;
  /** Ids sharing at least one band with `signature`, in first-added order, without duplicates. */
  candidates(signature: Uint32Array): string[];
  /** Forgets `id`. */
  remove(id: string): void;
  /** The whole index as plain data. */
  serialize(): LshState;
  /** Replaces the content with `state` (validated: it comes from outside). */
  load(state: unknown): void;
}

/** In-memory band buckets: `Map<bandKey, ids>` plus the reverse map for removal. */
export function createMemoryBuckets(): BandBuckets {
  const buckets = new Map<string, string[]>();
  const keys = new Map<string, string[]>();
  return {
    ids: (key) => buckets.get(key) ?? [],
    add(key, id) {
      const list = buckets.get(key);
      if (!list) buckets.set(key, [id]);
      else if (!list.includes(id)) list.push(id);
      const mine = keys.get(id);
      if (!mine) keys.set(id, [key]);
      else if (!mine.includes(key)) mine.push(key);
    },
    delete(key, id) {
      const list = buckets.get(key);
      if (list) {
        const rest = list.filter((x) => x !== id);
        if (rest.length) buckets.set(key, rest);
        else buckets.delete(key);
      }
      const mine = keys.get(id)?.filter((k) => k !== key);
      if (mine?.length) keys.set(id, mine);
      else keys.delete(id);
    },
    keysOf: (id) => keys.get(id) ?? [],
    entries: () => buckets.entries(),
  };
}

/**
 * The hash of each band of `signature` (band b covers slots b·rows … b·rows + rows − 1). Two
 * signatures are LSH candidates when any band hash is equal; a store keys its bucket table on
 * `(band, hash)`.
 */
export function bandHashes(signature: Uint32Array, bands = 16, rows = 8): number[] {
  if (signature.length !== bands * rows) {
    throw new HeatwireError('USAGE', `signature has ${signature.length} slots, index expects ${bands}×${rows}`);
  }
  const out: number[] = [];
  for (let b = 0; b < bands; b++) {
    let h = hashString(String(b));
    for (let r = 0; r < rows; r++) h = mixHash(Math.imul(h, 31) + signature[b * rows + r]!);
    out.push(h);
  }
  return out;
}

/**
 * Creates an LSH index (Leskovec, Rajaraman & Ullman, "Mining of Massive Datasets" §3.4): the
 * signature is cut into `bands` runs of `rows` slots; two signatures are candidates when any band
 * hashes equally.
 */
export function createLshIndex(options: LshOptions = {}): LshIndex {
  let bands = options.bands ?? 16;
  let rows = options.rows ?? 8;
  let buckets = options.buckets ?? createMemoryBuckets();

  const bandKeys = (signature: Uint32Array): string[] => bandHashes(signature, bands, rows).map((h, b) => `${b}:${h.toString(36)}`);

  const remove = (id: string): void => {
    for (const key of [...buckets.keysOf(id)]) buckets.delete(key, id);
  };

  return {
    add(id, signature) {
      const keys = bandKeys(signature);
      remove(id);
      for (const key of keys) buckets.add(key, id);
    },
    candidates(signature) {
      const seen = new Set<string>();
      for (const key of bandKeys(signature)) for (const id of buckets.ids(key)) seen.add(id);
      return [...seen];
    },
    remove,
    serialize() {
      return { bands, rows, buckets: [...buckets.entries()].map(([k, ids]) => [k, [...ids]] as [string, string[]]) };
    },
    load(state) {
      const parsed = LshStateSchema.safeParse(state);
      if (!parsed.success) throw new HeatwireError('JSON_SYNTAX', `LSH state: ${describeZodError(parsed.error)}`);
      bands = parsed.data.bands;
      rows = parsed.data.rows;
      buckets = createMemoryBuckets();
      for (const [key, ids] of parsed.data.buckets) for (const id of ids) buckets.add(key, id);
    },
  };
}
