import type { Image } from '../core/record.js';
import { imageUrlPath } from './image-file-name.js';

/** What presentation needs to know about a cached image. */
export interface CachedImageRef {
  sha256: string;
  ext: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

/** A cached image as listed in the `heatwire` extended block. */
export interface PresentedCachedImage {
  /** The publisher's URL, as in the record. */
  sourceUrl: string;
  /** Heatwire's own URL path for the bytes: `/images/<sha256>.<ext>`. */
  url: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
}

/**
 * Marks the record's images that the cache holds: `isCached: true`, and width/height filled in
 * when the record lacked them (the record's own values stand). Returns null when no image is
 * cached, so a record without cached images is presented exactly as it came. Key order is kept:
 * an existing `isCached` is overwritten in place, a new one goes last.
 */
export function markCachedImages(
  images: readonly Image[],
  lookup: (sourceUrl: string) => CachedImageRef | undefined,
): { images: Image[]; cached: PresentedCachedImage[] } | null {
  const cached: PresentedCachedImage[] = [];
  const out = images.map((image) => {
    const hit = typeof image.url === 'string' ? lookup(image.url) : undefined;
    if (!hit) return image;
    cached.push({
      sourceUrl: image.url,
      url: imageUrlPath(hit.sha256, hit.ext),
      contentType: hit.contentType,
      width: hit.width,
      height: hit.height,
      bytes: hit.bytes,
    });
    return withCachedFields(image, hit);
  });
  return cached.length ? { images: out, cached } : null;
}

/** The image with isCached true and missing width/height placed before isCached (DESIGN.md §2 order). */
function withCachedFields(image: Image, hit: CachedImageRef): Image {
  const missing: Record<string, number> = {};
  if (image.width === undefined) missing.width = hit.width;
  if (image.height === undefined) missing.height = hit.height;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(image)) {
    if (key === 'isCached') Object.assign(out, missing);
    out[key] = value;
  }
  return { ...out, ...missing, isCached: true } as Image;
}
