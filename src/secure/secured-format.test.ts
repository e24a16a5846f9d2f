import { readdirSync, readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SECURED_RE } from '../core/record.js';
import { sharedAvailable, sharedPath } from '../../test/support/shared.js';
import { HeatwireError } from '../core/errors.js';
import { decryptText, findKeyId } from './decrypt-text.js';
import { encryptText } from './encrypt-text.js';
import { createKeyRing, generateKey } from './key-ring.js';
import { isSecuredFormat, parseSecured } from './secured-format.js';

describe('isSecuredFormat', () => {
  const ring = createKeyRing([generateKey()]);
  const ours = encryptText('a text', ring).secured;

  it.each([
    ['our own value', ours, true],
    [
      'a 16-byte IV',
      `${Buffer.alloc(20, 1).toString('base64')};${Buffer.alloc(16, 2).toString('base64')}`,
      true,
    ],
    [
      'an empty plaintext (tag only)',
      `${Buffer.alloc(16, 1).toString('base64')};${Buffer.alloc(12, 2).toString('base64')}`,
      true,
    ],
    ['a number', 42, false],
    ['undefined', undefined, false],
    ['missing IV', `${Buffer.alloc(20, 1).toString('base64')};`, false],
    ['missing body', `;${Buffer.alloc(12, 2).toString('base64')}`, false],
    [
      'base64url characters',
      `${Buffer.alloc(20, 0xfb).toString('base64url')};${Buffer.alloc(12, 2).toString('base64')}`,
      false,
    ],
    [
      'non-canonical padding',
      `${Buffer.alloc(20, 1).toString('base64').replace(/=+$/, '')};${Buffer.alloc(12).toString('base64')}`,
      false,
    ],
    ['whitespace', ` ${ours}`, false],
  ])('%s → %s', (_label, value, expected) => {
    expect(isSecuredFormat(value)).toBe(expected);
    // Everything we accept also passes the record schema's looser check.
    if (expected) expect(SECURED_RE.test(value as string)).toBe(true);
  });
});

function seedSecuredValues(): Array<{ file: string; value: string }> {
  const values: Array<{ file: string; value: string }> = [];
  for (const file of readdirSync(sharedPath('seeds'))) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(sharedPath('seeds', file), 'utf8'));
    const record = front?.[1] ? (parse(front[1]) as Record<string, unknown>) : null;
    if (typeof record?.secured === 'string') values.push({ file, value: record.secured });
  }
  return values;
}

describe.skipIf(!sharedAvailable('seeds'))('seeds: foreign secured values', () => {
  let values: ReturnType<typeof seedSecuredValues> = [];
  // Read in a hook: a skipped describe still runs its body, but not its hooks.
  beforeAll(() => {
    values = seedSecuredValues();
  });
  const ring = createKeyRing([generateKey(), generateKey()]);

  it('parse as the secured format (16-byte IVs)', () => {
    expect(values.length).toBeGreaterThanOrEqual(3);
    for (const { file, value } of values) {
      expect(isSecuredFormat(value), file).toBe(true);
      const parts = parseSecured(value);
      expect(parts.iv.length, file).toBe(16);
      expect(parts.tag.length, file).toBe(16);
    }
  });

  it('cannot be decrypted with our keys: KEY_MISSING without a key id of ours, SECURED_TAMPERED when forced', () => {
    for (const { file, value } of values) {
      expect(findKeyId(value, ring), file).toBeUndefined();
      expect(() => decryptText(value, 'f0f0f0f0f0f0', ring), file).toThrow(
        expect.objectContaining({ code: 'KEY_MISSING' }) as HeatwireError,
      );
      for (const id of ring.ids()) {
        expect(() => decryptText(value, id, ring), file).toThrow(
          expect.objectContaining({ code: 'SECURED_TAMPERED' }) as HeatwireError,
        );
      }
    }
  });
});
