import { HeatwireError } from '../core/errors.js';

/** GCM IV length Heatwire writes: 96 bits, the length NIST SP 800-38D §8.2.1 recommends. */
export const IV_BYTES = 12;
/** GCM authentication tag length: the full 128 bits (SP 800-38D §5.2.1.2). */
export const TAG_BYTES = 16;
/**
 * IV lengths accepted when reading. GCM allows any IV length; the seeds' foreign values carry
 * 16-byte IVs, ours 12.
 */
export const ACCEPTED_IV_BYTES: readonly number[] = [12, 16];

/** The parts of a `secured` value. */
export interface SecuredParts {
  ciphertext: Buffer;
  tag: Buffer;
  iv: Buffer;
}

// Canonical, padded RFC 4648 §4 base64: what Buffer#toString('base64') writes.
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * True when `value` has the `secured` shape: `base64(ciphertext‖tag);base64(iv)` with canonical
 * base64, an accepted IV length and at least a whole tag. Says nothing about who can decrypt it.
 */
export function isSecuredFormat(value: unknown): value is string {
  return typeof value === 'string' && splitSecured(value) !== null;
}

/** Splits a `secured` value into ciphertext, tag and IV; SECURED_UNREADABLE when malformed. */
export function parseSecured(value: string): SecuredParts {
  const parts = splitSecured(value);
  if (!parts) {
    throw new HeatwireError(
      'SECURED_UNREADABLE',
      `malformed secured value: expected base64(ciphertext‖tag);base64(iv) with a ${ACCEPTED_IV_BYTES.join(' or ')}-byte IV`,
    );
  }
  return parts;
}

/** Writes the `secured` form: `base64(ciphertext‖tag);base64(iv)`. */
export function formatSecured(parts: SecuredParts): string {
  return `${Buffer.concat([parts.ciphertext, parts.tag]).toString('base64')};${parts.iv.toString('base64')}`;
}

function splitSecured(value: string): SecuredParts | null {
  const semicolon = value.indexOf(';');
  if (semicolon <= 0 || semicolon !== value.lastIndexOf(';')) return null;
  const body = value.slice(0, semicolon);
  const ivText = value.slice(semicolon + 1);
  if (!BASE64.test(body) || !BASE64.test(ivText)) return null;
  const sealed = Buffer.from(body, 'base64');
  const iv = Buffer.from(ivText, 'base64');
  if (sealed.length < TAG_BYTES || !ACCEPTED_IV_BYTES.includes(iv.length)) return null;
  return {
    ciphertext: sealed.subarray(0, sealed.length - TAG_BYTES),
    tag: sealed.subarray(sealed.length - TAG_BYTES),
    iv,
  };
}

/**
 * The binary form of an own ciphertext, as the store keeps it (a BLOB a quarter smaller than the
 * base64 text, and no base64 work on write): IV length (1 byte), IV, ciphertext‖tag.
 */
export function packSealed(parts: SecuredParts): Buffer {
  return Buffer.concat([Buffer.from([parts.iv.length]), parts.iv, parts.ciphertext, parts.tag]);
}

/** Splits {@link packSealed}'s form; SECURED_UNREADABLE when the bytes cannot be one. */
export function unpackSealed(bytes: Buffer): SecuredParts {
  const ivLength = bytes[0] ?? 0;
  const bodyStart = 1 + ivLength;
  if (!ACCEPTED_IV_BYTES.includes(ivLength) || bytes.length < bodyStart + TAG_BYTES) {
    throw new HeatwireError('SECURED_UNREADABLE', 'malformed stored ciphertext');
  }
  return {
    iv: bytes.subarray(1, bodyStart),
    ciphertext: bytes.subarray(bodyStart, bytes.length - TAG_BYTES),
    tag: bytes.subarray(bytes.length - TAG_BYTES),
  };
}

