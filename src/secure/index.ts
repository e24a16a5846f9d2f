/**
 * Encryption of full text at rest (DESIGN.md §8): AES-256-GCM `secured` values, key ring,
 * key file and rotation. See docs/security.md.
 */
export { encryptText, encryptToSealed, reencrypt, type SecuredText, type SealedText } from './encrypt-text.js';
export { decryptText, findKeyId, type CipherOptions } from './decrypt-text.js';
export {
  isSecuredFormat,
  parseSecured,
  formatSecured,
  packSealed,
  unpackSealed,
  IV_BYTES,
  TAG_BYTES,
  ACCEPTED_IV_BYTES,
  type SecuredParts,
} from './secured-format.js';
export {
  createKeyRing,
  keyIdOf,
  generateKey,
  parseKeyMaterial,
  KEY_BYTES,
  type KeyRing,
} from './key-ring.js';
export { loadKeyRing, type LoadKeyRingOptions, type LoadedKeyRing } from './load-key-ring.js';
export { rotateKeyFile, type RotateKeyFileOptions } from './rotate-key-file.js';
export { readKeyFile, KeyFileSchema, type KeyFile } from './key-file.js';
