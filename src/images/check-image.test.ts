import { describe, expect, it } from 'vitest';
import {
  HTML_PAGE,
  makeAvif,
  makeGif,
  makeJpeg,
  makePng,
  makeWebp,
  SVG_WITH_SCRIPT,
} from '../../test/fixtures/images/make-images.js';
import { mulberry32 } from '../../test/support/mulberry32.js';
import { errorOf } from '../../test/support/error-of.js';
import { HeatwireError } from '../core/errors.js';
import { checkImage, DEFAULT_IMAGE_LIMITS, resolveImageLimits } from './check-image.js';
import { sniffImageType } from './sniff-image-type.js';


describe('sniffImageType', () => {
  it.each([
    ['jpeg', makeJpeg(16, 9)],
    ['png', makePng(3, 2)],
    ['gif', makeGif()],
    ['webp', makeWebp()],
    ['avif', makeAvif(640, 360)],
  ] as const)('recognises %s by its magic bytes', (type, bytes) => {
    expect(sniffImageType(bytes)).toBe(type);
  });

  it.each([
    ['SVG', SVG_WITH_SCRIPT],
    ['HTML', HTML_PAGE],
    ['BMP', Buffer.from('424d3a0000000000000036000000', 'hex')],
    ['a RIFF that is not WebP (WAV)', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1')],
    ['an ISO-BMFF that is not AVIF (MP4)', Buffer.concat([Buffer.from([0, 0, 0, 20]), Buffer.from('ftypisom\0\0\0\0mp41')])],
    ['two bytes of a JPEG', Buffer.from([0xff, 0xd8])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_name, bytes) => {
    expect(sniffImageType(bytes)).toBeNull();
  });
});

describe('checkImage', () => {
  it.each([
    ['png', makePng(3, 2), 3, 2, 'image/png', 'png'],
    ['jpeg', makeJpeg(16, 9), 16, 9, 'image/jpeg', 'jpg'],
    ['gif', makeGif(5, 4), 5, 4, 'image/gif', 'gif'],
    ['webp', makeWebp(), 1, 1, 'image/webp', 'webp'],
    ['avif', makeAvif(640, 360), 640, 360, 'image/avif', 'avif'],
  ] as const)('reads %s dimensions, type and hash', (type, bytes, width, height, contentType, ext) => {
    const img = checkImage(bytes);
    expect(img).toMatchObject({ type, width, height, contentType, ext, bytes: bytes.length });
    expect(img.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reads AVIF whose major brand is avis (a sequence) from its ispe box', () => {
    expect(checkImage(makeAvif(320, 200, 'avis'))).toMatchObject({ type: 'avif', width: 320, height: 200 });
    expect(checkImage(makeAvif(320, 200, 'mif1'))).toMatchObject({ type: 'avif', width: 320, height: 200 });
  });

  it('gives different hashes to different bytes and the same hash to the same bytes', () => {
    expect(checkImage(makePng(3, 2)).sha256).toBe(checkImage(makePng(3, 2)).sha256);
    expect(checkImage(makePng(3, 2)).sha256).not.toBe(checkImage(makePng(2, 3)).sha256);
  });

  it('refuses SVG and HTML as markup, whatever they claim to be', () => {
    const svg = errorOf(() => checkImage(SVG_WITH_SCRIPT, DEFAULT_IMAGE_LIMITS, 'https://x.test/a.png'));
    expect(svg.code).toBe('IMAGE_REFUSED');
    expect(svg.message).toMatch(/markup/);
    expect(svg.input).toBe('https://x.test/a.png');
    expect(errorOf(() => checkImage(HTML_PAGE)).message).toMatch(/markup/);
  });

  it('refuses images over the byte limit and the pixel limit', () => {
    const png = makePng(40, 30);
    expect(errorOf(() => checkImage(png, resolveImageLimits({ maxBytes: png.length - 1 }))).message).toMatch(/byte limit/);
    expect(checkImage(png, resolveImageLimits({ maxPixels: 1200 })).width).toBe(40);
    expect(errorOf(() => checkImage(png, resolveImageLimits({ maxPixels: 1199 }))).message).toMatch(/40×30 is over the 1199-pixel/);
    // A tiny file can declare a huge canvas: the header decides, not the file size.
    expect(errorOf(() => checkImage(makeAvif(50_000, 50_000))).message).toMatch(/pixel limit/);
  });

  it('refuses a recognised type whose header is cut short', () => {
    const e = errorOf(() => checkImage(makePng(3, 2).subarray(0, 12)));
    expect(e.code).toBe('IMAGE_REFUSED');
  });

  it('validates limits', () => {
    expect(() => resolveImageLimits({ maxBytes: 0 })).toThrow(/image limits/);
    expect(DEFAULT_IMAGE_LIMITS).toEqual({ maxBytes: 5 * 1024 * 1024, maxPixels: 40_000_000 });
  });

  it('never crashes on random or truncated input: an image or IMAGE_REFUSED', () => {
    const random = mulberry32(20261123);
    const seeds = [makePng(7, 5), makeJpeg(24, 17), makeGif(3, 3), makeWebp(), makeAvif(12, 8)];
    for (let i = 0; i < 2000; i++) {
      const seed = seeds[i % seeds.length]!;
      const bytes = Buffer.from(seed.subarray(0, Math.floor(random() * (seed.length + 1))));
      // Flip a few bytes after the magic, so the type still matches but the header lies.
      for (let k = 0; k < 3; k++) {
        const at = 4 + Math.floor(random() * Math.max(1, bytes.length - 4));
        if (at < bytes.length) bytes[at] = Math.floor(random() * 256);
      }
      try {
        const img = checkImage(bytes);
        expect(img.width).toBeGreaterThan(0);
        expect(img.height).toBeGreaterThan(0);
      } catch (err) {
        expect(err).toBeInstanceOf(HeatwireError);
        expect((err as HeatwireError).code).toBe('IMAGE_REFUSED');
      }
    }
  });
});
