import { HeatwireError } from '../core/errors.js';
import { formatKeyFile, readKeyFile, writeKeyFile } from './key-file.js';
import { createKeyRing, generateKey, keyIdOf } from './key-ring.js';
import { checkPermissions, describeRing, type LoadedKeyRing } from './load-key-ring.js';

/** Options of {@link rotateKeyFile}. */
export interface RotateKeyFileOptions {
  /** `HEATWIRE_SECRET_KEY`, when set: rotation is then refused (env keys rotate by hand). */
  envKey?: string;
  allowInsecurePermissions?: boolean;
  now?: () => Date;
}

/**
 * Adds a new random key to the key file and makes it current; every earlier key stays, so old
 * text remains readable until it is re-encrypted. The file is replaced atomically (mode 0600).
 * Refuses (USAGE) when the key comes from `HEATWIRE_SECRET_KEY`, KEY_MISSING when there is no
 * key file to rotate. Run one rotation at a time.
 */
export async function rotateKeyFile(
  keyFile: string,
  options: RotateKeyFileOptions = {},
): Promise<LoadedKeyRing> {
  if (options.envKey !== undefined) {
    throw new HeatwireError(
      'USAGE',
      'the key comes from HEATWIRE_SECRET_KEY: rotate it by hand (new key in HEATWIRE_SECRET_KEY, old one in HEATWIRE_OLD_KEYS; see docs/security.md)',
    );
  }
  const warnings: string[] = [];
  const now = options.now ?? (() => new Date());
  // Re-read just before replacing: if another writer changed the file meanwhile, start over
  // from its version rather than dropping the key it added.
  for (let attempt = 0; attempt < 3; attempt++) {
    const read = await readKeyFile(keyFile);
    if (!read) throw new HeatwireError('KEY_MISSING', `no key file at ${keyFile} to rotate`);
    checkPermissions(keyFile, read.mode, options.allowInsecurePermissions ?? false, warnings);
    const key = generateKey();
    const id = keyIdOf(key);
    const next = {
      current: id,
      keys: [...read.file.keys, { id, key: key.toString('base64'), createdAt: now().toISOString() }],
    };
    const again = await readKeyFile(keyFile);
    if (!again || formatKeyFile(again.file) !== formatKeyFile(read.file)) continue;
    await writeKeyFile(keyFile, next, { exclusive: false });
    const ring = createKeyRing([...read.keys, key], id);
    return describeRing(ring, {
      source: 'file',
      keyFile,
      createdKeyFile: false,
      warnings: [...new Set(warnings)],
    });
  }
  throw new HeatwireError('KEY_INVALID', `the key file ${keyFile} kept changing during rotation; try again`);
}
