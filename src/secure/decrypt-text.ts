import { createDecipheriv } from 'node:crypto';
import { HeatwireError } from '../core/errors.js';
import type { KeyRing } from './key-ring.js';
import { parseSecured, TAG_BYTES, type SecuredParts } from './secured-format.js';

/** Options shared by encryption and decryption. */
export interface CipherOptions {
  /** Additional authenticated data bound to the ciphertext (not stored in it), e.g. the article id. */
  aad?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decrypts a `secured` value with the key `keyId`. Never returns unauthenticated bytes:
 * SECURED_UNREADABLE for a malformed value, KEY_MISSING when the key is not held,
 * SECURED_TAMPERED when GCM authentication fails (changed ciphertext, tag, IV or AAD, or the
 * wrong key).
 */
export function decryptText(
  secured: string,
  keyId: string,
  ring: KeyRing,
  options: CipherOptions = {},
): string {
  const parts = parseSecured(secured);
  const key = ring.get(keyId);
  if (!key) throw new HeatwireError('KEY_MISSING', `no key with id ${keyId} in the key ring`);
  const plain = openSealed(parts, key, options);
  if (!plain) throw new HeatwireError('SECURED_TAMPERED', `authentication failed with key ${keyId}`);
  try {
    return utf8.decode(plain);
  } catch (err) {
    throw new HeatwireError('SECURED_UNREADABLE', 'the authenticated plaintext is not UTF-8 text', {
      cause: err,
    });
  }
}

/**
 * The id of the held key that authenticates this value, or undefined: for a `secured` value
 * that arrives without a key id (a record exported by this desk and ingested again).
 */
export function findKeyId(secured: string, ring: KeyRing, options: CipherOptions = {}): string | undefined {
  const parts = parseSecured(secured);
  return ring.ids().find((id) => {
    const key = ring.get(id);
    return key !== undefined && openSealed(parts, key, options) !== null;
  });
}

/** AES-256-GCM open; null when the tag does not verify. */
function openSealed(parts: SecuredParts, key: Buffer, options: CipherOptions): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, parts.iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(parts.tag);
    if (options.aad !== undefined) decipher.setAAD(Buffer.from(options.aad, 'utf8'));
    // final() throws when the tag does not verify; nothing from update() is used before that.
    return Buffer.concat([decipher.update(parts.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}
