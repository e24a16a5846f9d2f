import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeatwireError, type ErrorCode } from '../core/errors.js';
import { decryptText } from './decrypt-text.js';
import { encryptText } from './encrypt-text.js';
import { KeyFileSchema } from './key-file.js';
import { generateKey, keyIdOf } from './key-ring.js';
import { loadKeyRing } from './load-key-ring.js';

const posix = process.platform !== 'win32';
let dir: string;
let keyFile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heatwire-keys-'));
  keyFile = join(dir, 'data', 'nested', 'heatwire.key');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function codeOf(promise: Promise<unknown>): Promise<ErrorCode> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof HeatwireError) return err.code;
    throw err;
  }
  throw new Error('expected a HeatwireError');
}

describe('loadKeyRing from a key file', () => {
  it('creates the key file at first start with mode 0600 in a 0700 directory', async () => {
    const ring = await loadKeyRing({
      keyFile,
      createIfMissing: true,
      now: () => new Date('2024-05-01T10:00:00Z'),
    });
    expect(ring.source).toBe('file');
    expect(ring.createdKeyFile).toBe(true);
    expect(ring.warnings).toEqual([]);
    if (posix) {
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'data', 'nested'))).mode & 0o777).toBe(0o700);
    }
    const file = KeyFileSchema.parse(JSON.parse(await readFile(keyFile, 'utf8')));
    expect(file.current).toBe(ring.currentId);
    expect(file.keys).toEqual([
      { id: ring.currentId, key: expect.any(String), createdAt: '2024-05-01T10:00:00.000Z' },
    ]);
    expect(keyIdOf(Buffer.from(file.keys[0]?.key ?? '', 'base64'))).toBe(ring.currentId);
    expect(await readdir(join(dir, 'data', 'nested'))).toEqual(['heatwire.key']); // no temporary file left
  });

  it('reads the same key on the next start', async () => {
    const first = await loadKeyRing({ keyFile, createIfMissing: true });
    const sealed = encryptText('kept across restarts', first);
    const second = await loadKeyRing({ keyFile, createIfMissing: true });
    expect(second.createdKeyFile).toBe(false);
    expect(second.currentId).toBe(first.currentId);
    expect(decryptText(sealed.secured, sealed.keyId, second)).toBe('kept across restarts');
  });

  it('creates exactly one key when several processes start at once', async () => {
    const rings = await Promise.all(
      Array.from({ length: 6 }, () => loadKeyRing({ keyFile, createIfMissing: true })),
    );
    expect(new Set(rings.map((r) => r.currentId)).size).toBe(1);
    expect(rings.filter((r) => r.createdKeyFile)).toHaveLength(1);
  });

  it('fails with KEY_MISSING when there is no key and creating is not allowed', async () => {
    expect(await codeOf(loadKeyRing({ keyFile, createIfMissing: false }))).toBe('KEY_MISSING');
  });

  it.skipIf(!posix)('refuses a key file readable by group or others, or warns when allowed', async () => {
    await loadKeyRing({ keyFile, createIfMissing: true });
    await chmod(keyFile, 0o644);
    await expect(loadKeyRing({ keyFile, createIfMissing: true })).rejects.toThrow(/mode 0644.*chmod 600/);
    expect(await codeOf(loadKeyRing({ keyFile, createIfMissing: true }))).toBe('KEY_INVALID');
    const ring = await loadKeyRing({ keyFile, createIfMissing: true, allowInsecurePermissions: true });
    expect(ring.warnings.join()).toMatch(/mode 0644/);
    await chmod(keyFile, 0o640);
    expect(await codeOf(loadKeyRing({ keyFile, createIfMissing: true }))).toBe('KEY_INVALID');
  });

  it.each([
    ['not JSON', () => 'not json'],
    ['no keys', () => JSON.stringify({ current: 'abcdefabcdef', keys: [] })],
    [
      'a key that does not match its id',
      () => {
        const key = generateKey();
        return JSON.stringify({
          current: 'abcdefabcdef',
          keys: [{ id: 'abcdefabcdef', key: key.toString('base64'), createdAt: 'x' }],
        });
      },
    ],
    [
      'a current key that is not listed',
      () => {
        const key = generateKey();
        return JSON.stringify({
          current: 'abcdefabcdef',
          keys: [{ id: keyIdOf(key), key: key.toString('base64'), createdAt: 'x' }],
        });
      },
    ],
    [
      'a short key',
      () => {
        const key = generateKey().subarray(0, 16);
        return JSON.stringify({
          current: keyIdOf(key),
          keys: [{ id: keyIdOf(key), key: key.toString('base64'), createdAt: 'x' }],
        });
      },
    ],
  ])('rejects a key file with %s (KEY_INVALID)', async (_label, content) => {
    await loadKeyRing({ keyFile, createIfMissing: true });
    await writeFile(keyFile, content(), { mode: 0o600 });
    expect(await codeOf(loadKeyRing({ keyFile, createIfMissing: true }))).toBe('KEY_INVALID');
  });
});

describe('loadKeyRing with HEATWIRE_SECRET_KEY', () => {
  const envKey = generateKey();

  it('makes the env key current and does not create a key file', async () => {
    const ring = await loadKeyRing({ envKey: envKey.toString('hex'), keyFile, createIfMissing: true });
    expect(ring.source).toBe('env');
    expect(ring.currentId).toBe(keyIdOf(envKey));
    expect(ring.ids()).toEqual([keyIdOf(envKey)]);
    await expect(stat(keyFile)).rejects.toThrow(/ENOENT/);
  });

  it('keeps the key file keys readable', async () => {
    const fileRing = await loadKeyRing({ keyFile, createIfMissing: true });
    const old = encryptText('written before the env key', fileRing);
    const ring = await loadKeyRing({ envKey: envKey.toString('base64'), keyFile, createIfMissing: true });
    expect(ring.currentId).toBe(keyIdOf(envKey));
    expect(decryptText(old.secured, old.keyId, ring)).toBe('written before the env key');
    expect(encryptText('new', ring).keyId).toBe(keyIdOf(envKey));
  });

  it('keeps HEATWIRE_OLD_KEYS readable (rotation of env keys)', async () => {
    const previous = generateKey();
    const older = generateKey();
    const sealed = encryptText(
      'under the previous key',
      await loadKeyRing({ envKey: previous.toString('hex'), keyFile, createIfMissing: false }),
    );
    const ring = await loadKeyRing({
      envKey: envKey.toString('hex'),
      oldKeys: `${previous.toString('base64')}, ${older.toString('hex')}`,
      keyFile,
      createIfMissing: false,
    });
    expect(ring.ids()).toEqual([keyIdOf(envKey), keyIdOf(previous), keyIdOf(older)]);
    expect(decryptText(sealed.secured, sealed.keyId, ring)).toBe('under the previous key');
  });

  it.each([
    ['HEATWIRE_SECRET_KEY', { envKey: 'too short' }],
    ['HEATWIRE_SECRET_KEY', { envKey: '' }],
    [
      'HEATWIRE_OLD_KEYS[1]',
      { envKey: generateKey().toString('hex'), oldKeys: `${generateKey().toString('hex')},nope` },
    ],
  ])('rejects invalid %s with KEY_INVALID', async (label, options) => {
    const promise = loadKeyRing({ ...options, keyFile, createIfMissing: true });
    await expect(promise).rejects.toThrow(label);
    expect(await codeOf(loadKeyRing({ ...options, keyFile, createIfMissing: true }))).toBe('KEY_INVALID');
  });
});
