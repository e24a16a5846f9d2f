import { HeatwireError } from '../core/errors.js';
import { readKeyFile, writeKeyFile, type KeyFile } from './key-file.js';
import { createKeyRing, generateKey, keyIdOf, parseKeyMaterial, type KeyRing } from './key-ring.js';

/** Where the keys come from (values, not process.env: config reads the environment). */
export interface LoadKeyRingOptions {
  /** `HEATWIRE_SECRET_KEY`: when set, the current key. 64 hex characters or base64 of 32 bytes. */
  envKey?: string;
  /** `HEATWIRE_OLD_KEYS`: earlier keys, comma- or space-separated, kept readable (env rotation). */
  oldKeys?: string;
  /** The key file: read when present; created (mode 0600) when absent, no env key and allowed. */
  keyFile: string;
  createIfMissing: boolean;
  /** Accept a key file other users can read, with a warning, instead of refusing it. */
  allowInsecurePermissions?: boolean;
  /** Clock for `createdAt` (tests). */
  now?: () => Date;
}

/** A key ring plus how it was loaded. */
export interface LoadedKeyRing extends KeyRing {
  source: 'env' | 'file';
  keyFile: string;
  /** True when this call created the key file. */
  createdKeyFile: boolean;
  /** Things the operator should fix (printed at start by the caller). */
  warnings: string[];
}

/**
 * Loads the key ring (DESIGN.md §8). With an env key, it is current and the key file's keys
 * (if the file exists) and `oldKeys` stay readable; the file is not created. Without one, the
 * key file is read, or created with one random key at first start. Throws KEY_INVALID for bad
 * key material or a key file readable by group/others, KEY_MISSING when there is no key at all.
 */
export async function loadKeyRing(options: LoadKeyRingOptions): Promise<LoadedKeyRing> {
  const warnings: string[] = [];
  const envKey =
    options.envKey === undefined ? null : parseKeyMaterial(options.envKey, 'HEATWIRE_SECRET_KEY');
  const oldKeys = parseOldKeys(options.oldKeys);
  let read = await readKeyFile(options.keyFile);
  if (read) checkPermissions(options.keyFile, read.mode, options.allowInsecurePermissions ?? false, warnings);

  if (envKey) {
    const ring = createKeyRing([envKey, ...oldKeys, ...(read?.keys ?? [])], keyIdOf(envKey));
    return describeRing(ring, { source: 'env', keyFile: options.keyFile, createdKeyFile: false, warnings });
  }
  let created = false;
  if (!read) {
    if (!options.createIfMissing) {
      throw new HeatwireError(
        'KEY_MISSING',
        `HEATWIRE_SECRET_KEY is not set and there is no key file at ${options.keyFile}`,
      );
    }
    const key = generateKey();
    created = await writeKeyFile(options.keyFile, newKeyFile(key, options.now), { exclusive: true });
    // Lost a race with another process starting at the same moment: use the key it wrote.
    read = await readKeyFile(options.keyFile);
    if (!read)
      throw new HeatwireError('KEY_MISSING', `the key file ${options.keyFile} vanished after creation`);
  }
  const ring = createKeyRing([...read.keys, ...oldKeys], read.file.current);
  return describeRing(ring, { source: 'file', keyFile: options.keyFile, createdKeyFile: created, warnings });
}

/** A key file holding one key, current. */
export function newKeyFile(key: Buffer, now: () => Date = () => new Date()): KeyFile {
  const id = keyIdOf(key);
  return { current: id, keys: [{ id, key: key.toString('base64'), createdAt: now().toISOString() }] };
}

/**
 * The key file must not be readable or writable by group or others (like ssh's private keys).
 * POSIX only: Windows reports synthetic mode bits.
 */
export function checkPermissions(
  path: string,
  mode: number,
  allowInsecure: boolean,
  warnings: string[],
): void {
  if (process.platform === 'win32' || (mode & 0o077) === 0) return;
  const detail = `key file ${path} has mode 0${mode.toString(8)}, open to group/others: run chmod 600 ${path}`;
  if (!allowInsecure) throw new HeatwireError('KEY_INVALID', detail);
  warnings.push(detail);
}

function parseOldKeys(value: string | undefined): Buffer[] {
  if (!value?.trim()) return [];
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((text, i) => parseKeyMaterial(text, `HEATWIRE_OLD_KEYS[${i}]`));
}

/** Wraps a ring with how it was loaded; the keys stay behind the ring's accessors. */
export function describeRing(ring: KeyRing, info: Omit<LoadedKeyRing, keyof KeyRing>): LoadedKeyRing {
  return {
    currentId: ring.currentId,
    get: (id) => ring.get(id),
    ids: () => ring.ids(),
    ...info,
  };
}
