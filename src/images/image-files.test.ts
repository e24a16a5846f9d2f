import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makePng } from '../../test/fixtures/images/make-images.js';
import { checkImage } from './check-image.js';
import { imageFileName, imageUrlPath, parseImageFileName } from './image-file-name.js';
import { createImageFiles } from './image-files.js';

const SHA = 'a'.repeat(64);

describe('image file names', () => {
  it('accepts only <64 hex>.<known ext>', () => {
    expect(parseImageFileName(`${SHA}.png`)).toEqual({ sha256: SHA, ext: 'png', type: 'png' });
    expect(parseImageFileName(`${SHA}.jpg`)?.type).toBe('jpeg');
    expect(imageUrlPath(SHA, 'webp')).toBe(`/images/${SHA}.webp`);
  });

  it.each([
    '../heatwire.db',
    `../${SHA}.png`,
    `..%2F${SHA}.png`,
    `${SHA}.png/..`,
    `${SHA.toUpperCase()}.png`,
    `${SHA}.svg`,
    `${SHA}.PNG`,
    `${SHA.slice(1)}.png`,
    `${SHA}.png\0`,
    `${SHA}.png.tmp`,
    `.${SHA}.png`,
    '',
  ])('refuses %j', (name) => {
    expect(parseImageFileName(name)).toBeNull();
  });

  it('throws rather than build a bad name', () => {
    expect(() => imageFileName('../x', 'png')).toThrow(TypeError);
  });
});

describe('createImageFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'heatwire-images-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes content-addressed files atomically and reads them back', async () => {
    const png = makePng(3, 2);
    const { sha256, ext } = checkImage(png);
    const files = createImageFiles(join(dir, 'images'));
    expect(await files.has(sha256, ext)).toBe(false);
    await files.write(sha256, ext, png);
    await files.write(sha256, ext, png); // second write of the same content is a no-op
    expect(readdirSync(join(dir, 'images'))).toEqual([`${sha256}.png`]); // no temp file left
    expect(await files.has(sha256, ext)).toBe(true);
    expect((await files.read(`${sha256}.png`))?.equals(png)).toBe(true);
    expect(readFileSync(join(dir, 'images', `${sha256}.png`)).equals(png)).toBe(true);
  });

  it('never reads outside its folder and returns null for missing files', async () => {
    writeFileSync(join(dir, 'secret.txt'), 'do not serve');
    const files = createImageFiles(join(dir, 'images'));
    expect(await files.read('../secret.txt')).toBeNull();
    expect(await files.read(`${SHA}.png`)).toBeNull();
  });
});
