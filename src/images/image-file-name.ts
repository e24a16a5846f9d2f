import { IMAGE_FORMATS, type ImageType } from './sniff-image-type.js';

/**
 * The one accepted shape of a cached image's name: 64 lower-case hex digits (its SHA-256) and a
 * known extension. Anything else — `..`, slashes, encoded separators, upper case — never reaches
 * the file system, which makes path traversal impossible by construction.
 */
export const IMAGE_FILE_NAME_RE = /^([0-9a-f]{64})\.(jpg|png|gif|webp|avif)$/;

const EXT_TO_TYPE = new Map<string, ImageType>(
  (Object.entries(IMAGE_FORMATS) as Array<[ImageType, { ext: string }]>).map(([type, f]) => [f.ext, type]),
);

/** `<sha256>.<ext>` for a stored image. */
export function imageFileName(sha256: string, ext: string): string {
  const name = `${sha256}.${ext}`;
  if (!IMAGE_FILE_NAME_RE.test(name)) throw new TypeError(`not an image file name: ${name}`);
  return name;
}

/** Splits a requested name into sha256, extension and type; null when it is not a valid name. */
export function parseImageFileName(name: string): { sha256: string; ext: string; type: ImageType } | null {
  const m = IMAGE_FILE_NAME_RE.exec(name);
  const type = m ? EXT_TO_TYPE.get(m[2]!) : undefined;
  return m && type ? { sha256: m[1]!, ext: m[2]!, type } : null;
}

/** Heatwire's own URL path for a cached image: `/images/<sha256>.<ext>`. */
export function imageUrlPath(sha256: string, ext: string): string {
  return `/images/${imageFileName(sha256, ext)}`;
}
