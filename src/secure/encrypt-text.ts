import { createCipheriv, randomBytes } from 'node:crypto';
import { HeatwireError } from '../core/errors.js';
import { decryptText, type CipherOptions } from './decrypt-text.js';
import type { KeyRing } from './key-ring.js';
import { formatSecured, IV_BYTES, packSealed, TAG_BYTES, type SecuredParts } from './secured-format.js';

/** A ciphertext in the binary form of `packSealed` and the id of the key that sealed it. */
export interface SealedText {
  sealed: Buffer;
  keyId: string;
}

/** A ciphertext in the `secured` format and the id of the key that sealed it. */
export interface SecuredText {
  secured: string;
  keyId: string;
}

/**
 * Encrypts text with the ring's current key: AES-256-GCM, a fresh random 96-bit IV per call
 * (SP 800-38D §8.2.2: random IVs are safe far beyond any one desk's volume, 2^32 per key),
 * a 128-bit tag. With `aad` (e.g. the article id) the ciphertext only decrypts for that AAD,
 * so a value copied onto another row fails authentication.
 */
export function encryptText(plain: string, ring: KeyRing, options: CipherOptions = {}): SecuredText {
  const { keyId, parts } = encrypt(plain, ring, options);
  return { secured: formatSecured(parts), keyId };
}

/**
 * The same encryption in the binary form the store keeps (`packSealed`: IV length, IV,
 * ciphertext‖tag): ingest stores it without any base64 work.
 */
export function encryptToSealed(plain: string, ring: KeyRing, options: CipherOptions = {}): SealedText {
  const { keyId, parts } = encrypt(plain, ring, options);
  return { sealed: packSealed(parts), keyId };
}

function encrypt(plain: string, ring: KeyRing, options: CipherOptions): { keyId: string; parts: SecuredParts } {
  const keyId = ring.currentId;
  const key = ring.get(keyId);
  if (!key) throw new HeatwireError('KEY_MISSING', `the current key ${keyId} is not in the ring`);
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (options.aad !== undefined) cipher.setAAD(Buffer.from(options.aad, 'utf8'));
  const body = cipher.update(plain, 'utf8');
  const tail = cipher.final(); // empty for GCM, a stream mode: no copy unless it is not
  const ciphertext = tail.length ? Buffer.concat([body, tail]) : body;
  return { keyId, parts: { ciphertext, tag: cipher.getAuthTag(), iv } };
}

/**
 * IVs are cut from a pool of CSPRNG bytes refilled 1,024 IVs at a time: one `randomBytes` call
 * per IV cost about as much as the AES-GCM encryption of a 3 KB text (bench:ingest). Each IV is
 * still 96 fresh random bits used once (the pool only moves forward and is never rewritten), so
 * the SP 800-38D §8.2.2 bound is unchanged.
 */
const IV_POOL_BYTES = IV_BYTES * 1024;
let ivPool = Buffer.alloc(0);
let ivOffset = 0;

function nextIv(): Buffer {
  if (ivOffset + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL_BYTES);
    ivOffset = 0;
  }
  const iv = ivPool.subarray(ivOffset, ivOffset + IV_BYTES);
  ivOffset += IV_BYTES;
  return iv;
}

/**
 * Re-encrypts a value under the ring's current key (key rotation). Decrypts first, so a
 * tampered value throws instead of being laundered into a fresh, valid ciphertext. A value
 * already under the current key is returned unchanged.
 */
export function reencrypt(
  secured: string,
  keyId: string,
  ring: KeyRing,
  options: CipherOptions = {},
): SecuredText {
  const plain = decryptText(secured, keyId, ring, options);
  if (keyId === ring.currentId) return { secured, keyId };
  return encryptText(plain, ring, options);
}
