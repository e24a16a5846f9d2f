import { createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { HeatwireError } from '../core/errors.js';

/** AES-256 key length. */
export const KEY_BYTES = 32;

/** The keys Heatwire holds: one current key for new text, every key for reading old text. */
export interface KeyRing {
  /** Id of the key new text is encrypted with. */
  currentId: string;
  /** The key with this id, or undefined when it is not held. */
  get(id: string): Buffer | undefined;
  /** Ids of every key held, current first. */
  ids(): string[];
}

/**
 * A key id: the first 12 hex characters of sha256(key). Stored beside each ciphertext; it
 * identifies a key without revealing it (a hash of 256 random bits gives nothing to guess from).
 */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

/** 32 fresh random bytes (CSPRNG). */
export function generateKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/**
 * Parses key material as an operator writes it: 64 hex characters, or base64 / base64url of 32
 * bytes. KEY_INVALID otherwise (the message never echoes the value). `label` names the source
 * in the message (`HEATWIRE_SECRET_KEY`).
 */
export function parseKeyMaterial(value: string, label: string): Buffer {
  const text = value.trim();
  let key: Buffer | null = null;
  // Hex first: 64 hex characters are also valid base64 (of 48 bytes), never the reverse.
  if (/^[0-9a-fA-F]{64}$/.test(text)) key = Buffer.from(text, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) key = Buffer.from(text.replace(/=$/, ''), 'base64');
  if (!key || key.length !== KEY_BYTES) {
    throw new HeatwireError('KEY_INVALID', `${label} must be 32 bytes as 64 hex characters or base64`);
  }
  // A key of one repeated byte is a placeholder someone forgot to replace, not a secret.
  if (key.every((byte) => byte === key[0])) {
    throw new HeatwireError('KEY_INVALID', `${label} is one byte repeated: generate a random key`);
  }
  return key;
}

/** Builds a ring from keys; the first key whose id is `currentId` (default: the first) is current. */
export function createKeyRing(keys: Buffer[], currentId?: string): KeyRing {
  const byId = new Map<string, Buffer>();
  for (const key of keys) {
    if (key.length !== KEY_BYTES)
      throw new HeatwireError('KEY_INVALID', `a key is ${key.length} bytes, not 32`);
    const id = keyIdOf(key);
    if (!byId.has(id)) byId.set(id, Buffer.from(key));
  }
  const current = currentId ?? byId.keys().next().value;
  if (current === undefined || !byId.has(current)) {
    throw new HeatwireError(
      'KEY_MISSING',
      current ? `the current key ${current} is not in the ring` : 'no key',
    );
  }
  return new MemoryKeyRing(byId, current);
}

/** Keys stay out of logs: inspecting or serialising a ring shows ids only. */
class MemoryKeyRing implements KeyRing {
  readonly #keys: Map<string, Buffer>;
  readonly currentId: string;

  constructor(keys: Map<string, Buffer>, currentId: string) {
    this.#keys = keys;
    this.currentId = currentId;
  }

  get(id: string): Buffer | undefined {
    return this.#keys.get(id);
  }

  ids(): string[] {
    return [this.currentId, ...[...this.#keys.keys()].filter((id) => id !== this.currentId)];
  }

  toJSON(): { currentId: string; ids: string[] } {
    return { currentId: this.currentId, ids: this.ids() };
  }

  [inspect.custom](): string {
    return `KeyRing { current: ${this.currentId}, ids: [${this.ids().join(', ')}] }`;
  }
}
