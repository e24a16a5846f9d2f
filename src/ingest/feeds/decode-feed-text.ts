import iconv from 'iconv-lite';

/** Where the chosen encoding came from, strongest first (RFC 7303 §3.2, XML 1.0 Appendix F). */
export type EncodingSource = 'bom' | 'http' | 'declaration' | 'meta' | 'sniffed' | 'default' | 'fallback' | 'string';

/** Text decoded from feed bytes, with the encoding used and what was odd about it. */
export interface DecodedFeedText {
  text: string;
  encoding: string;
  source: EncodingSource;
  warnings: string[];
}

// WHATWG Encoding Standard §4.2: browsers read these labels as windows-1252. Feeds declared
// ISO-8859-1 almost always carry cp1252 curly quotes in 0x80–0x9F, so we do the same.
const WINDOWS_1252_LABELS = new Set([
  'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'latin1', 'latin-1', 'l1', 'us-ascii', 'ascii', 'cp1252',
  'x-cp1252', 'cp819', 'ibm819', 'iso-ir-100', 'windows-1252',
]);

/** Normalises an encoding label; undefined when iconv-lite cannot decode it. */
export function normaliseEncodingLabel(label: string): string | undefined {
  const name = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (!name) return undefined;
  if (WINDOWS_1252_LABELS.has(name)) return 'windows-1252';
  if (name === 'utf8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  return iconv.encodingExists(name) ? name : undefined;
}

/** The `charset` parameter of a Content-Type header (RFC 9110 §8.3), if any. */
export function charsetOfContentType(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return m?.[2];
}

function sniffBom(bytes: Buffer): { encoding: string; length: number } | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

// XML 1.0 Appendix F.1: without a BOM, "<?" encoded as UTF-16 shows which byte order is used.
function sniffUtf16(bytes: Buffer): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return undefined;
}

/** The encoding named by an XML declaration or an HTML meta tag in the first KiB. */
function sniffDeclared(head: string): { label: string; source: 'declaration' | 'meta' } | undefined {
  const xml = /<\?xml\s[^>]*?encoding\s*=\s*["']\s*([A-Za-z0-9._:-]+)\s*["']/i.exec(head);
  if (xml?.[1]) return { label: xml[1], source: 'declaration' };
  const meta = /<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head);
  if (meta?.[1]) return { label: meta[1], source: 'meta' };
  return undefined;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function isValidUtf8(bytes: Buffer): boolean {
  try {
    strictUtf8.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function decodeWith(bytes: Buffer, encoding: string): string {
  // iconv-lite strips a BOM of the same encoding by default; we strip it ourselves once.
  return iconv.decode(bytes, encoding, { stripBOM: false });
}

/**
 * Decodes feed bytes to text. Precedence (RFC 7303 §3.2 and XML 1.0 §4.3.3 / Appendix F):
 * byte-order mark, then the HTTP charset, then the XML declaration (or an HTML meta charset),
 * then UTF-16 sniffing, else UTF-8. Bytes that are not valid UTF-8 when UTF-8 was only assumed
 * or claimed fall back to the declared encoding, else windows-1252, with a warning.
 */
export function decodeFeedText(input: Buffer | string, contentType?: string): DecodedFeedText {
  const warnings: string[] = [];
  if (typeof input === 'string') {
    return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-16', source: 'string', warnings };
  }
  const bom = sniffBom(input);
  if (bom) {
    return { text: decodeWith(input.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom', warnings };
  }
  const utf16 = sniffUtf16(input);
  const head = utf16 ? decodeWith(input.subarray(0, 1024), utf16) : input.subarray(0, 1024).toString('latin1');
  const declared = sniffDeclared(head);
  const declaredEncoding = declared ? normaliseEncodingLabel(declared.label) : undefined;
  if (declared && !declaredEncoding) warnings.push(`unknown encoding "${declared.label}" in the ${declared.source}; ignored`);

  const httpLabel = charsetOfContentType(contentType);
  const httpEncoding = httpLabel ? normaliseEncodingLabel(httpLabel) : undefined;
  if (httpLabel && !httpEncoding) warnings.push(`unknown charset "${httpLabel}" in Content-Type; ignored`);

  let encoding = 'utf-8';
  let source: EncodingSource = 'default';
  if (httpEncoding) {
    encoding = httpEncoding;
    source = 'http';
    if (declaredEncoding && declaredEncoding !== httpEncoding) {
      warnings.push(`Content-Type charset ${httpEncoding} overrides the declared ${declaredEncoding} (RFC 7303 §3.2)`);
    }
  } else if (utf16) {
    encoding = utf16;
    source = 'sniffed';
  } else if (declaredEncoding) {
    // A document whose first KiB reads as ASCII cannot be UTF-16: the label is wrong (as HTML
    // treats a meta charset of utf-16).
    encoding = /^utf-?16/.test(declaredEncoding) ? 'utf-8' : declaredEncoding;
    source = declared?.source ?? 'declaration';
  }

  if (encoding === 'utf-8' && !isValidUtf8(input)) {
    const fallback = declaredEncoding && !/^utf/.test(declaredEncoding) ? declaredEncoding : 'windows-1252';
    warnings.push(`the bytes are not valid UTF-8; decoded as ${fallback}`);
    encoding = fallback;
    source = 'fallback';
  }
  return { text: decodeWith(input, encoding).replace(/^\uFEFF/, ''), encoding, source, warnings };
}
