import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readBody } from './read-body.js';

const chunks = (...parts: Buffer[]) => Readable.from(parts);

describe('readBody', () => {
  it('concatenates chunks under the cap', async () => {
    const body = await readBody(chunks(Buffer.from('ab'), Buffer.from('cd')), { maxBytes: 4, input: 'u' });
    expect(body.toString()).toBe('abcd');
  });

  it('fails one byte over the cap', async () => {
    await expect(
      readBody(chunks(Buffer.from('abc'), Buffer.from('de')), { maxBytes: 4, input: 'u' }),
    ).rejects.toMatchObject({
      code: 'FETCH_TOO_LARGE',
      input: 'u',
    });
  });

  it('truncates instead when asked (robots.txt), plain or compressed', async () => {
    const plain = await readBody(chunks(Buffer.from('abc'), Buffer.from('def')), {
      maxBytes: 4,
      truncate: true,
      input: 'u',
    });
    expect(plain.toString()).toBe('abcd');
    const text = 'Disallow: /x\n'.repeat(1000);
    const zipped = await readBody(chunks(gzipSync(text)), {
      maxBytes: 100,
      truncate: true,
      contentEncoding: 'gzip',
      input: 'u',
    });
    expect(zipped.toString()).toBe(text.slice(0, 100));
  });

  it('counts wire bytes too: endless compressed input that decodes to little is still stopped', async () => {
    // Many empty gzip members: each decodes to nothing, together they are large on the wire.
    const empty = gzipSync(Buffer.alloc(0));
    const many = Array.from({ length: 200 }, () => empty);
    await expect(
      readBody(chunks(...many), { maxBytes: 1000, contentEncoding: 'gzip', input: 'u' }),
    ).rejects.toMatchObject({
      code: 'FETCH_TOO_LARGE',
    });
  });
});
