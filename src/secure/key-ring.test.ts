import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { createKeyRing, generateKey, keyIdOf, parseKeyMaterial } from './key-ring.js';

const key = Buffer.from('00112233445566778899aabbccddeeff0123456789abcdeffedcba9876543210', 'hex');

describe('parseKeyMaterial', () => {
  it.each([
    ['lower-case hex', key.toString('hex')],
    ['upper-case hex', key.toString('hex').toUpperCase()],
    ['padded base64', key.toString('base64')],
    ['unpadded base64', key.toString('base64').replace(/=$/, '')],
    ['base64url', key.toString('base64url')],
    ['surrounding whitespace', `  ${key.toString('hex')}\n`],
  ])('accepts %s', (_label, value) => {
    expect(parseKeyMaterial(value, 'HEATWIRE_SECRET_KEY').equals(key)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['a passphrase', 'correct horse battery staple'],
    ['63 hex characters', key.toString('hex').slice(1)],
    ['65 hex characters', `${key.toString('hex')}0`],
    ['31 bytes of base64', key.subarray(1).toString('base64')],
    ['33 bytes of base64', Buffer.concat([key, Buffer.from([1])]).toString('base64')],
    ['a repeated byte', 'aa'.repeat(32)],
    ['all zeros', Buffer.alloc(32).toString('base64')],
  ])('rejects %s with KEY_INVALID, without echoing the value', (_label, value) => {
    let error: unknown;
    try {
      parseKeyMaterial(value, 'HEATWIRE_SECRET_KEY');
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(HeatwireError);
    expect((error as HeatwireError).code).toBe('KEY_INVALID');
    expect((error as HeatwireError).message).toContain('HEATWIRE_SECRET_KEY');
    if (value.trim().length > 4) expect((error as HeatwireError).message).not.toContain(value.trim());
  });
});

describe('keyIdOf / createKeyRing', () => {
  it('derives the id from the first 12 hex characters of sha256(key)', () => {
    expect(keyIdOf(key)).toBe(createHash('sha256').update(key).digest('hex').slice(0, 12));
  });

  it('makes the named key current, lists it first, and deduplicates', () => {
    const other = generateKey();
    const ring = createKeyRing([key, other, key], keyIdOf(other));
    expect(ring.currentId).toBe(keyIdOf(other));
    expect(ring.ids()).toEqual([keyIdOf(other), keyIdOf(key)]);
    expect(ring.get(keyIdOf(key))?.equals(key)).toBe(true);
    expect(ring.get('000000000000')).toBeUndefined();
  });

  it('refuses a missing current key and keys of the wrong size', () => {
    expect(() => createKeyRing([])).toThrow(HeatwireError);
    expect(() => createKeyRing([key], '000000000000')).toThrow(/not in the ring/);
    expect(() => createKeyRing([Buffer.alloc(16, 1)])).toThrow(/16 bytes/);
  });
});
