import type { Migration } from '../migration.js';

/**
 * v7: Heatwire's own ciphertexts in binary. `secured_sealed` holds IV length, IV and
 * ciphertext‖tag (`packSealed` in src/secure/secured-format.ts): a quarter smaller than the
 * base64 text and written without any base64 work, which made ingest faster (bench:ingest).
 *
 * Rows written from v7 on keep `secured_value = ''` for an own ciphertext (the v1 CHECK wants it
 * non-null; SQLite cannot change a CHECK without rebuilding the table). Rows written before keep
 * their base64 text in `secured_value` and no `secured_sealed`; both forms are read, and a row
 * moves to the binary form the next time its text is written (update or key rotation).
 */
export const migration0007SealedText: Migration = {
  version: 7,
  name: 'sealed-text',
  up: `ALTER TABLE articles ADD COLUMN secured_sealed BLOB;`,
};
