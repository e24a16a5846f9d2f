import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_RETRY, nextImageAttempt } from './image-retry.js';
import { leadImageUrl } from './lead-image-url.js';
import { markCachedImages, type CachedImageRef } from './mark-cached-images.js';

const SHA = 'b'.repeat(64);
const HIT: CachedImageRef = { sha256: SHA, ext: 'jpg', contentType: 'image/jpeg', width: 640, height: 360, bytes: 1234 };
const lookup = (url: string) => (url === 'https://cdn.test/lead.jpg' ? HIT : undefined);

describe('markCachedImages', () => {
  it('returns null when nothing is cached, so the record stays as it came', () => {
    expect(markCachedImages([{ url: 'https://cdn.test/other.jpg', isCached: false }], lookup)).toBeNull();
  });

  it('sets isCached in place, keeps the record’s own sizes, and lists the Heatwire URL', () => {
    const out = markCachedImages(
      [
        { url: 'https://cdn.test/lead.jpg', width: 1200, height: 675, isCached: false },
        { url: 'https://cdn.test/other.jpg', isCached: false },
      ],
      lookup,
    );
    expect(out?.images).toEqual([
      { url: 'https://cdn.test/lead.jpg', width: 1200, height: 675, isCached: true },
      { url: 'https://cdn.test/other.jpg', isCached: false },
    ]);
    expect(Object.keys(out!.images[0]!)).toEqual(['url', 'width', 'height', 'isCached']);
    expect(out?.cached).toEqual([
      { sourceUrl: 'https://cdn.test/lead.jpg', url: `/images/${SHA}.jpg`, contentType: 'image/jpeg', width: 640, height: 360, bytes: 1234 },
    ]);
  });

  it('fills missing width and height before isCached', () => {
    const out = markCachedImages([{ url: 'https://cdn.test/lead.jpg', isCached: false, caption: 'kept' }], lookup);
    expect(out?.images[0]).toEqual({ url: 'https://cdn.test/lead.jpg', width: 640, height: 360, isCached: true, caption: 'kept' });
    expect(Object.keys(out!.images[0]!)).toEqual(['url', 'width', 'height', 'isCached', 'caption']);
  });
});

describe('leadImageUrl', () => {
  it('takes the first record image, else extended.leadImage, only http(s)', () => {
    expect(leadImageUrl({ title: 't', images: [{ url: 'https://a.test/1.png' }, { url: 'https://a.test/2.png' }] })).toBe('https://a.test/1.png');
    expect(leadImageUrl({ title: 't' }, { leadImage: { url: 'https://a.test/x.webp', width: 3 } })).toBe('https://a.test/x.webp');
    expect(leadImageUrl({ title: 't' }, { leadImage: 'http://a.test/y.gif' })).toBe('http://a.test/y.gif');
    expect(leadImageUrl({ title: 't', images: [{ url: 'data:image/png;base64,AAAA' }] })).toBeNull();
    expect(leadImageUrl({ title: 't', images: [{ url: '/relative.png' }] }, {})).toBeNull();
    expect(leadImageUrl({ title: 't' })).toBeNull();
  });
});

describe('nextImageAttempt', () => {
  const now = new Date('2025-01-01T00:00:00Z');
  it('backs off exponentially, then gives up', () => {
    const at = (n: number) => nextImageAttempt(n, { retryable: true }, now);
    expect(at(1)).toBe('2025-01-01T01:00:00.000Z');
    expect(at(2)).toBe('2025-01-01T02:00:00.000Z');
    expect(at(3)).toBe('2025-01-01T04:00:00.000Z');
    expect(at(DEFAULT_IMAGE_RETRY.maxAttempts)).toBeNull();
  });

  it('gives up at once on a failure waiting cannot fix, and honours a longer Retry-After', () => {
    expect(nextImageAttempt(1, { retryable: false }, now)).toBeNull();
    expect(nextImageAttempt(1, { retryable: true, retryAfterMs: 3 * 3600_000 }, now)).toBe('2025-01-01T03:00:00.000Z');
  });
});
