import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { z } from 'zod';
import { HeatwireError } from '../core/errors.js';
import { describeZodError } from '../core/record.js';
import { IMAGE_FORMATS, looksLikeMarkup, sniffImageType, type ImageType } from './sniff-image-type.js';

/** Limits every cached image must meet. */
export const ImageLimitsSchema = z.object({
  /** Largest body accepted, in bytes (also the fetcher's cap for image requests). */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /**
   * Largest width × height. A small file can declare a huge canvas (a "decompression bomb"):
   * anything that decodes it later would allocate width × height × 4 bytes.
   */
  maxPixels: z.number().int().positive().default(40_000_000),
});

/** Validated limits. */
export type ImageLimits = z.infer<typeof ImageLimitsSchema>;

/** The defaults: 5 MB and 40 megapixels. */
export const DEFAULT_IMAGE_LIMITS: ImageLimits = ImageLimitsSchema.parse({});

/** Validates limits given by a caller (USAGE on a bad value) and fills defaults. */
export function resolveImageLimits(input: z.input<typeof ImageLimitsSchema> = {}): ImageLimits {
  const parsed = ImageLimitsSchema.safeParse(input);
  if (!parsed.success) throw new HeatwireError('USAGE', `image limits: ${describeZodError(parsed.error)}`);
  return parsed.data;
}

/** An image that passed every check, ready to be stored. */
export interface CheckedImage {
  type: ImageType;
  ext: string;
  contentType: string;
  width: number;
  height: number;
  bytes: number;
  /** Lower-case hex SHA-256 of the bytes: the content address. */
  sha256: string;
}

/**
 * Checks downloaded bytes: type from magic bytes (never from Content-Type), dimensions from the
 * headers (image-size), and the byte and pixel limits. Throws IMAGE_REFUSED with the reason.
 *
 * @example const img = checkImage(body, DEFAULT_IMAGE_LIMITS, url); // { type: 'png', width: 2, … }
 */
export function checkImage(bytes: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS, input?: string): CheckedImage {
  const refuse = (reason: string) => new HeatwireError('IMAGE_REFUSED', reason, { input });
  if (bytes.length === 0) throw refuse('empty body');
  if (bytes.length > limits.maxBytes) throw refuse(`${bytes.length} bytes is over the ${limits.maxBytes}-byte limit`);
  const type = sniffImageType(bytes);
  if (!type) {
    // SVG is refused on purpose: it is XML that may carry scripts and external references.
    throw refuse(looksLikeMarkup(bytes) ? 'markup (SVG, HTML or XML), not a raster image' : 'not a JPEG, PNG, GIF, WebP or AVIF image');
  }
  const { width, height } = readDimensions(bytes, type, refuse);
  if (width * height > limits.maxPixels) {
    throw refuse(`${width}×${height} is over the ${limits.maxPixels}-pixel limit`);
  }
  return {
    type,
    ...IMAGE_FORMATS[type],
    width,
    height,
    bytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function readDimensions(
  bytes: Uint8Array,
  type: ImageType,
  refuse: (reason: string) => HeatwireError,
): { width: number; height: number } {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch (err) {
    // image-size knows AVIF only by its major brand; an `avis` or `mif1`-first file still
    // carries its size in an `ispe` property box.
    const ispe = type === 'avif' ? readIspe(bytes) : null;
    if (!ispe) throw refuse(`unreadable ${type} header (${(err as Error).message})`);
    size = ispe;
  }
  const { width, height } = size;
  if (!width || !height || !Number.isInteger(width) || !Number.isInteger(height) || width < 0 || height < 0) {
    throw refuse(`no usable dimensions in the ${type} header`);
  }
  return { width, height };
}

/**
 * The largest `ispe` (image spatial extents) box of an ISO-BMFF image: a full box whose payload
 * is a 32-bit width and height (ISO/IEC 23008-12 §6.5.3). Searched in the first 64 KiB, where
 * the `meta` box sits in practice.
 */
function readIspe(bytes: Uint8Array): { width: number; height: number } | null {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 64 * 1024));
  let best: { width: number; height: number } | null = null;
  for (let at = view.indexOf('ispe'); at >= 4 && at + 16 <= view.length; at = view.indexOf('ispe', at + 4)) {
    if (view.readUInt32BE(at - 4) < 20) continue; // size(4) type(4) version+flags(4) width(4) height(4)
    const width = view.readUInt32BE(at + 8);
    const height = view.readUInt32BE(at + 12);
    if (width > 0 && height > 0 && (!best || width * height > best.width * best.height)) best = { width, height };
  }
  return best;
}
