/**
 * Image types Heatwire caches, recognised by their magic bytes only. The Content-Type a server
 * sends is never trusted: an HTML page or an SVG (which can carry scripts) labelled `image/png`
 * is still refused.
 */

/** The raster formats Heatwire keeps; SVG and everything else are refused. */
export type ImageType = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif';

/** File extension and media type Heatwire stores and serves for each type. */
export const IMAGE_FORMATS: Readonly<Record<ImageType, { ext: string; contentType: string }>> = {
  jpeg: { ext: 'jpg', contentType: 'image/jpeg' },
  png: { ext: 'png', contentType: 'image/png' },
  gif: { ext: 'gif', contentType: 'image/gif' },
  webp: { ext: 'webp', contentType: 'image/webp' },
  avif: { ext: 'avif', contentType: 'image/avif' },
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The type named by the first bytes, or null for anything else (SVG, HTML, BMP, truncated data).
 *
 * @example sniffImageType(readFileSync('photo.jpg')) // 'jpeg'
 */
export function sniffImageType(bytes: Uint8Array): ImageType | null {
  // JPEG: SOI marker FF D8 followed by another marker's FF (ITU T.81 §B.1.1.2).
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  // PNG: the 8-byte signature (PNG spec §5.2).
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  // GIF: "GIF87a" or "GIF89a" (GIF89a spec §17).
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return 'gif';
  // WebP: a RIFF container whose form type is "WEBP" (RFC 9649 §2).
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (isAvif(bytes)) return 'avif';
  return null;
}

/** True when the bytes look like SVG or other XML/HTML markup (for a clearer refusal reason). */
export function looksLikeMarkup(bytes: Uint8Array): boolean {
  const start = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  return start.startsWith('<');
}

/**
 * AVIF: an ISO-BMFF `ftyp` box first, with the major brand or a compatible brand `avif`
 * (still image) or `avis` (sequence) (AV1 Image File Format §9.1; ISO/IEC 14496-12 §4.3).
 */
function isAvif(bytes: Uint8Array): boolean {
  if (bytes.length < 16 || ascii(bytes, 4, 8) !== 'ftyp') return false;
  const size = readUint32(bytes, 0);
  const end = Math.min(bytes.length, size >= 16 ? size : 16);
  // Major brand at 8, minor version at 12, then compatible brands, 4 bytes each.
  for (let at = 8; at + 4 <= end; at += at === 8 ? 8 : 4) {
    const brand = ascii(bytes, at, at + 4);
    if (brand === 'avif' || brand === 'avis') return true;
  }
  return false;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  if (bytes.length < to) return '';
  return String.fromCharCode(...bytes.subarray(from, to));
}

function readUint32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}
