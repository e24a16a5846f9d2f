import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { decryptText } from './decrypt-text.js';
import { encryptText, reencrypt } from './encrypt-text.js';
import { KeyFileSchema } from './key-file.js';
import { generateKey } from './key-ring.js';
import { loadKeyRing } from './load-key-ring.js';
import { rotateKeyFile } from './rotate-key-file.js';

let dir: string;
let keyFile: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'heatwire-rotate-'));
  keyFile = join(dir, 'heatwire.key');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('rotateKeyFile', () => {
  it('adds a new current key, keeps the old ones readable, and rewrites the file with mode 0600', async () => {
    const first = await loadKeyRing({ keyFile, createIfMissing: true });
    const old = encryptText('text from before the rotation', first, { aad: 'a1' });

    const rotated = await rotateKeyFile(keyFile);
    expect(rotated.currentId).not.toBe(first.currentId);
    expect(rotated.ids()).toEqual([rotated.currentId, first.currentId]);
    expect(decryptText(old.secured, old.keyId, rotated, { aad: 'a1' })).toBe('text from before the rotation');
    if (process.platform !== 'win32') expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['heatwire.key']);

    // A fresh start reads the rotated file: new key current, old text readable and movable.
    const reloaded = await loadKeyRing({ keyFile, createIfMissing: false });
    expect(reloaded.currentId).toBe(rotated.currentId);
    const moved = reencrypt(old.secured, old.keyId, reloaded, { aad: 'a1' });
    expect(moved.keyId).toBe(rotated.currentId);
    expect(decryptText(moved.secured, moved.keyId, reloaded, { aad: 'a1' })).toBe(
      'text from before the rotation',
    );
  });

  it('keeps every key across repeated rotations', async () => {
    const first = await loadKeyRing({ keyFile, createIfMissing: true });
    await rotateKeyFile(keyFile);
    const third = await rotateKeyFile(keyFile, { now: () => new Date('2025-01-01T00:00:00Z') });
    const file = KeyFileSchema.parse(JSON.parse(await readFile(keyFile, 'utf8')));
    expect(file.keys).toHaveLength(3);
    expect(file.keys[0]?.id).toBe(first.currentId);
    expect(file.current).toBe(third.currentId);
    expect(file.keys[2]).toMatchObject({ id: third.currentId, createdAt: '2025-01-01T00:00:00.000Z' });
  });

  it('refuses when the key comes from HEATWIRE_SECRET_KEY (USAGE) and when there is no key file (KEY_MISSING)', async () => {
    await loadKeyRing({ keyFile, createIfMissing: true });
    const before = await readFile(keyFile, 'utf8');
    const env = rotateKeyFile(keyFile, { envKey: generateKey().toString('hex') });
    await expect(env).rejects.toThrow(/HEATWIRE_SECRET_KEY.*by hand/);
    await expect(env).rejects.toBeInstanceOf(HeatwireError);
    await expect(env).rejects.toMatchObject({ code: 'USAGE' });
    expect(await readFile(keyFile, 'utf8')).toBe(before);
    await expect(rotateKeyFile(join(dir, 'absent.key'))).rejects.toMatchObject({ code: 'KEY_MISSING' });
  });
});
