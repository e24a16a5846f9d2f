import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../../test/support/error-of.js';
import { decryptText, findKeyId } from './decrypt-text.js';
import { encryptText, encryptToSealed, reencrypt } from './encrypt-text.js';
import { createKeyRing, generateKey, keyIdOf } from './key-ring.js';
import { formatSecured, isSecuredFormat, packSealed, parseSecured, unpackSealed } from './secured-format.js';

const ring = createKeyRing([generateKey()]);

describe('encryptText / decryptText', () => {
  it.each([
    ['plain ASCII', 'The council approved the budget.'],
    ['empty text', ''],
    ['Unicode', 'Şehir meclisi bütçeyi onayladı — 東京 — 🚲 — \u0000 NUL inside'],
    ['a long text', 'Paragraph of a long article. '.repeat(40_000)],
  ])('round-trips %s', (_label, plain) => {
    const { secured, keyId } = encryptText(plain, ring);
    expect(keyId).toBe(ring.currentId);
    expect(isSecuredFormat(secured)).toBe(true);
    expect(decryptText(secured, keyId, ring)).toBe(plain);
  });

  it('writes base64(ciphertext‖tag);base64(iv) with a 12-byte IV and a 16-byte tag', () => {
    const plain = 'twelve bytes';
    const parts = parseSecured(encryptText(plain, ring).secured);
    expect(parts.iv.length).toBe(12);
    expect(parts.tag.length).toBe(16);
    expect(parts.ciphertext.length).toBe(Buffer.byteLength(plain));
  });

  it('never repeats an IV, also across refills of the IV pool (1,024 IVs each)', () => {
    const ivs = Array.from({ length: 2600 }, () => parseSecured(encryptText('x', ring).secured).iv.toString('hex'));
    expect(new Set(ivs).size).toBe(ivs.length);
  });

  it('writes the binary form the store keeps: IV length, IV, ciphertext‖tag, decrypting to the text', () => {
    const plain = 'Binary at rest, text in records. Ünïcödé 東京.';
    const { sealed, keyId } = encryptToSealed(plain, ring);
    expect(sealed[0]).toBe(12);
    expect(sealed.length).toBe(1 + 12 + Buffer.byteLength(plain) + 16);
    const parts = unpackSealed(sealed);
    expect(decryptText(formatSecured(parts), keyId, ring)).toBe(plain);
    expect(packSealed(parts).equals(sealed)).toBe(true);
  });

  it.each([
    ['empty', Buffer.alloc(0)],
    ['an IV length no one writes', Buffer.from([7, ...Array<number>(40).fill(1)])],
    ['shorter than a tag', Buffer.from([12, ...Array<number>(12 + 15).fill(1)])],
  ])('refuses stored bytes that cannot be a ciphertext: %s', (_label, bytes) => {
    expect(errorOf(() => unpackSealed(bytes)).code).toBe('SECURED_UNREADABLE');
  });

  it('uses a fresh IV for every call', () => {
    const values = Array.from({ length: 50 }, () => encryptText('same text', ring).secured);
    expect(new Set(values).size).toBe(50);
    expect(new Set(values.map((v) => v.split(';')[1])).size).toBe(50);
  });

  describe('tampering is detected, never returned as text', () => {
    const { secured, keyId } = encryptText('Original text of the article, long enough to tamper with.', ring);
    const parts = parseSecured(secured);
    const flip = (buffer: Buffer, index: number) => {
      const copy = Buffer.from(buffer);
      copy[index] = (copy[index] ?? 0) ^ 0x01;
      return copy;
    };
    it.each([
      ['first ciphertext byte', () => formatSecured({ ...parts, ciphertext: flip(parts.ciphertext, 0) })],
      [
        'last ciphertext byte',
        () => formatSecured({ ...parts, ciphertext: flip(parts.ciphertext, parts.ciphertext.length - 1) }),
      ],
      ['a tag byte', () => formatSecured({ ...parts, tag: flip(parts.tag, 7) })],
      ['an IV byte', () => formatSecured({ ...parts, iv: flip(parts.iv, 11) })],
      ['a truncated ciphertext', () => formatSecured({ ...parts, ciphertext: parts.ciphertext.subarray(1) })],
      [
        'a swapped IV',
        () => formatSecured({ ...parts, iv: parseSecured(encryptText('x', ring).secured).iv }),
      ],
    ])('%s → SECURED_TAMPERED', (_label, make) => {
      expect(errorOf(() => decryptText(make(), keyId, ring)).code).toBe('SECURED_TAMPERED');
    });
  });

  it('fails authentication with the wrong key (SECURED_TAMPERED) and an unknown key id (KEY_MISSING)', () => {
    const other = generateKey();
    const both = createKeyRing([generateKey(), other]);
    const { secured, keyId } = encryptText('text', both);
    expect(errorOf(() => decryptText(secured, keyIdOf(other), both)).code).toBe('SECURED_TAMPERED');
    expect(errorOf(() => decryptText(secured, keyId, ring)).code).toBe('KEY_MISSING');
  });

  it('binds the AAD when given', () => {
    const { secured, keyId } = encryptText('bound text', ring, { aad: 'article-1' });
    expect(decryptText(secured, keyId, ring, { aad: 'article-1' })).toBe('bound text');
    expect(errorOf(() => decryptText(secured, keyId, ring, { aad: 'article-2' })).code).toBe('SECURED_TAMPERED');
    expect(errorOf(() => decryptText(secured, keyId, ring)).code).toBe('SECURED_TAMPERED');
  });

  it.each([
    ['no separator', 'AAAAAAAAAAAAAAAAAAAAAA=='],
    ['two separators', 'AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAAAAAAA;AAAA'],
    ['not base64', 'not base64 at all!;AAAAAAAAAAAAAAAA'],
    ['IV of 8 bytes', 'AAAAAAAAAAAAAAAAAAAAAA==;AAAAAAAAAAA='],
    ['shorter than a tag', 'AAAAAAAAAAAAAAAAAAAA;AAAAAAAAAAAAAAAA'],
    ['empty', ''],
  ])('malformed value (%s) → SECURED_UNREADABLE', (_label, value) => {
    expect(isSecuredFormat(value)).toBe(false);
    expect(errorOf(() => decryptText(value, ring.currentId, ring)).code).toBe('SECURED_UNREADABLE');
  });

  it('refuses to encrypt when the current key is not held', () => {
    const broken = { currentId: 'abcdefabcdef', get: () => undefined, ids: () => ['abcdefabcdef'] };
    expect(errorOf(() => encryptText('x', broken)).code).toBe('KEY_MISSING');
  });
});

describe('known answers', () => {
  it('decrypts the GCM specification test cases 13 and 14 (256-bit zero key, zero IV)', () => {
    const zero = createKeyRing([Buffer.alloc(32)]);
    const iv = Buffer.alloc(12);
    const empty = formatSecured({
      ciphertext: Buffer.alloc(0),
      tag: Buffer.from('530f8afbc74536b9a963b4f1c4cb738b', 'hex'),
      iv,
    });
    expect(decryptText(empty, zero.currentId, zero)).toBe('');
    const block = formatSecured({
      ciphertext: Buffer.from('cea7403d4d606b6e074ec5d3baf39d18', 'hex'),
      tag: Buffer.from('d0d1c8a799996bf0265b98b5d48ab919', 'hex'),
      iv,
    });
    expect(decryptText(block, zero.currentId, zero)).toBe('\u0000'.repeat(16));
  });

  it('still reads values written by an earlier version (test/fixtures/secure/golden.json)', () => {
    const golden = JSON.parse(
      readFileSync(new URL('../../test/fixtures/secure/golden.json', import.meta.url), 'utf8'),
    );
    const fixed = createKeyRing([Buffer.from(golden.keyHex, 'hex')]);
    expect(fixed.currentId).toBe(golden.keyId);
    expect(decryptText(golden.withoutAad, golden.keyId, fixed)).toBe(golden.plaintext);
    expect(decryptText(golden.withAad, golden.keyId, fixed, { aad: golden.aad })).toBe(golden.plaintext);
  });
});

describe('reencrypt', () => {
  const oldKey = generateKey();
  const newKey = generateKey();
  const before = createKeyRing([oldKey]);
  const after = createKeyRing([newKey, oldKey]);

  it('moves a text to the current key', () => {
    const old = encryptText('rotating text', before, { aad: 'id-1' });
    const next = reencrypt(old.secured, old.keyId, after, { aad: 'id-1' });
    expect(next.keyId).toBe(keyIdOf(newKey));
    expect(next.secured).not.toBe(old.secured);
    expect(decryptText(next.secured, next.keyId, after, { aad: 'id-1' })).toBe('rotating text');
  });

  it('leaves a text already under the current key unchanged', () => {
    const current = encryptText('fresh', after);
    expect(reencrypt(current.secured, current.keyId, after)).toEqual(current);
  });

  it('refuses to launder a tampered value', () => {
    const old = encryptText('rotating text', before);
    const parts = parseSecured(old.secured);
    const tag = Buffer.from(parts.tag);
    tag[0] = (tag[0] ?? 0) ^ 0xff;
    expect(errorOf(() => reencrypt(formatSecured({ ...parts, tag }), old.keyId, after)).code).toBe(
      'SECURED_TAMPERED',
    );
  });
});

describe('findKeyId', () => {
  it('finds the held key that authenticates a value, or nothing', () => {
    const a = generateKey();
    const b = generateKey();
    const both = createKeyRing([a, b]);
    const sealed = encryptText('t', createKeyRing([b]));
    expect(findKeyId(sealed.secured, both)).toBe(keyIdOf(b));
    expect(findKeyId(sealed.secured, createKeyRing([a]))).toBeUndefined();
  });
});

describe('key ring', () => {
  it('keeps key bytes out of JSON and inspection', () => {
    const key = generateKey();
    const held = createKeyRing([key]);
    const shown = `${JSON.stringify(held)} ${inspect(held)}`;
    expect(shown).toContain(held.currentId);
    expect(shown).not.toContain(key.toString('base64'));
    expect(shown).not.toContain(key.toString('hex'));
  });
});
