import { open, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { HeatwireError } from '../core/errors.js';

/** What an input is, decided by `sniffInputKind`; each kind has its own reader. */
export type InputKind = 'record' | 'jsonl' | 'json' | 'html' | 'feed' | 'opml' | 'text';

/** Options for `readInput`: `maxBytes` is the caller's cap (the CLI default is 20 MB). */
export interface ReadInputOptions {
  maxBytes: number;
}

/** Bytes inspected to tell text from binary (the same window git and file(1) use). */
const SNIFF_BYTES = 8192;
const CHUNK_BYTES = 64 * 1024;

/**
 * Reads a file as text. The size is checked with stat() before a byte is read, so an oversized
 * file fails at once; reading also stops at `maxBytes + 1` in case the file grows meanwhile.
 * Throws INPUT_TOO_LARGE, INPUT_EMPTY, INPUT_BINARY, INPUT_ENCODING (see `decodeInput`),
 * NOT_FOUND (no such file) or INPUT_UNSUPPORTED (a directory, a device, unreadable).
 */
export async function readInput(path: string, opts: ReadInputOptions): Promise<string> {
  const info = await stat(path).catch((err: unknown) => {
    throw fsError(err, path);
  });
  if (info.isDirectory()) throw new HeatwireError('INPUT_UNSUPPORTED', 'is a directory', { input: path });
  // FIFOs and devices (/dev/zero) have no meaningful size and can block or never end.
  if (!info.isFile()) throw new HeatwireError('INPUT_UNSUPPORTED', 'not a regular file', { input: path });
  if (info.size > opts.maxBytes) throw tooLarge(path, info.size, opts.maxBytes);
  if (info.size === 0) throw new HeatwireError('INPUT_EMPTY', '0 bytes', { input: path });
  const handle = await open(path, 'r').catch((err: unknown) => {
    throw fsError(err, path);
  });
  try {
    const bytes = await readAtMost(handle, opts.maxBytes + 1);
    if (bytes.length > opts.maxBytes) throw tooLarge(path, bytes.length, opts.maxBytes);
    return decodeInput(bytes, path);
  } finally {
    await handle.close();
  }
}

/**
 * Decodes input bytes as UTF-8 text (a UTF-8 BOM is dropped; UTF-16 with a BOM is decoded too).
 * Throws INPUT_EMPTY (0 bytes or only whitespace), INPUT_BINARY (a NUL byte anywhere, or mostly
 * control bytes / invalid sequences in the first 8 KB) or INPUT_ENCODING (invalid UTF-8, with the
 * line and byte offset of the first bad byte).
 */
export function decodeInput(bytes: Buffer, origin: string): string {
  if (bytes.length === 0) throw new HeatwireError('INPUT_EMPTY', '0 bytes', { input: origin });
  let text: string;
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  if (utf16) {
    // UTF-16 is full of NUL bytes, so it is recognised by its BOM (Unicode §23.8) before the binary test.
    text = decodeStrict(utf16, bytes, origin);
    if (text.includes('\0'))
      throw new HeatwireError('INPUT_BINARY', 'contains NUL characters', { input: origin });
  } else {
    assertText(bytes, origin);
    text = decodeStrict('utf-8', bytes, origin);
  }
  // TextDecoder drops the BOM itself (ignoreBOM defaults to false, WHATWG Encoding §10.2).
  if (text.trim() === '') throw new HeatwireError('INPUT_EMPTY', 'only whitespace', { input: origin });
  return text;
}

/**
 * Tells what an input is from its name (file path or URL) AND its content; content wins where it
 * is unambiguous. `---` first line → record (`.txt`, `.md` and extension-less files too; `.yaml`
 * and `.yml` always); `.jsonl`/`.ndjson` → jsonl; JSON whose `version` is a jsonfeed.org URL →
 * feed; other JSON → json; `.opml` or an `<opml>` root → opml; `<rss>`, `<feed>`, `<rdf:RDF>`
 * roots (and `.rss`/`.atom`/`.rdf`/`.xml`) → feed; `<html>`, `<!doctype html>` or `.html`/`.htm`
 * → html; anything else → text.
 */
export function sniffInputKind(name: string, text: string): InputKind {
  const ext = extensionOf(name);
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  const lowered = head.toLowerCase();

  if (/^---[ \t]*\r?\n/.test(head) && !HTML_EXT.has(ext) && !JSON_EXT.has(ext)) return 'record';
  if (ext === 'yaml' || ext === 'yml') return 'record';
  if (ext === 'jsonl' || ext === 'ndjson') return 'jsonl';
  if (head.startsWith('{') || head.startsWith('[')) {
    // JSON Feed 1.x: "version": "https://jsonfeed.org/version/1.1" (jsonfeed.org/version/1.1).
    if (/"version"\s*:\s*"https?:\/\/jsonfeed\.org\//.test(head)) return 'feed';
    if (ext !== 'json' && looksLikeJsonl(head)) return 'jsonl';
    return 'json';
  }
  if (ext === 'json') return 'json';

  const root = xmlRootName(lowered);
  if (ext === 'opml' || root === 'opml') return 'opml';
  if (root === 'rss' || root === 'feed' || root === 'rdf:rdf') return 'feed';
  if (root === 'html' || /^<!doctype\s+html[\s>]/.test(lowered) || HTML_EXT.has(ext)) return 'html';
  if (FEED_EXT.has(ext)) return 'feed';
  return 'text';
}

const HTML_EXT = new Set(['html', 'htm', 'xhtml']);
const JSON_EXT = new Set(['json', 'jsonl', 'ndjson']);
const FEED_EXT = new Set(['rss', 'atom', 'rdf', 'xml']);

/** Lower-case extension of a path or URL (query and fragment ignored), '' when none. */
function extensionOf(name: string): string {
  const path = name.replace(/[?#].*$/s, '');
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** Two or more leading lines that are each a whole JSON object: JSON Lines, not one document. */
function looksLikeJsonl(head: string): boolean {
  const lines = head
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.length >= 2 && lines.slice(0, 2).every((l) => l.startsWith('{') && l.endsWith('}'));
}

/** Name of the first element, skipping the XML declaration, comments, PIs and DOCTYPE. */
function xmlRootName(lowered: string): string | undefined {
  const stripped = lowered.replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!doctype[^>]*>)*/, '');
  return /^<([a-z_][\w.:-]*)/.exec(stripped)?.[1];
}

function decodeStrict(encoding: 'utf-8' | 'utf-16le' | 'utf-16be', bytes: Buffer, origin: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch (err) {
    if (encoding !== 'utf-8')
      throw new HeatwireError('INPUT_ENCODING', `invalid ${encoding}`, { input: origin, cause: err });
    const offset = scanUtf8(bytes, bytes.length).first;
    const line = countByte(bytes, 0x0a, offset) + 1;
    const byte = bytes[offset]?.toString(16).padStart(2, '0') ?? '??';
    throw new HeatwireError('INPUT_ENCODING', `byte 0x${byte} at offset ${offset}`, {
      input: origin,
      line,
      cause: err,
    });
  }
}

/** INPUT_BINARY unless the bytes look like text: no NUL, few control bytes, mostly valid UTF-8. */
function assertText(bytes: Buffer, origin: string): void {
  const nul = bytes.indexOf(0);
  if (nul >= 0) throw new HeatwireError('INPUT_BINARY', `NUL byte at offset ${nul}`, { input: origin });
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i] ?? 0;
    // C0 controls other than TAB, LF, VT, FF, CR and ESC (ANSI colour codes), and DEL.
    if ((b < 0x20 && !(b >= 0x09 && b <= 0x0d) && b !== 0x1b) || b === 0x7f) control++;
  }
  const invalid = scanUtf8(bytes, end).invalid;
  // Ratios, with floors so that a short text with one stray byte is an encoding error, not binary:
  // Latin-1 prose has a few percent of invalid bytes, compressed or image data about half.
  if ((control >= 4 && control > end * 0.1) || (invalid >= 16 && invalid > end * 0.3)) {
    throw new HeatwireError('INPUT_BINARY', 'mostly non-text bytes in the first 8 KB', { input: origin });
  }
}

/**
 * Validates UTF-8 per RFC 3629 §4 (no overlongs, no surrogates, nothing above U+10FFFF) over
 * `bytes[0, end)`; a sequence cut by `end` but completed after it is valid. Returns the offset of
 * the first invalid byte (-1 when none) and the count of invalid sequences.
 */
function scanUtf8(bytes: Uint8Array, end: number): { first: number; invalid: number } {
  let first = -1;
  let invalid = 0;
  let i = 0;
  while (i < end) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [need, lo, hi] = leadByteRange(b);
    let ok = need > 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      ok = c !== undefined && c >= (k === 1 ? lo : 0x80) && c <= (k === 1 ? hi : 0xbf);
    }
    if (ok) {
      i += need + 1;
    } else {
      if (first < 0) first = i;
      invalid++;
      i++;
    }
  }
  return { first, invalid };
}

/** Continuation-byte count and the allowed range of the second byte, for a lead byte (RFC 3629 §4). */
function leadByteRange(b: number): [number, number, number] {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf];
  if (b === 0xed) return [2, 0x80, 0x9f];
  if (b >= 0xe1 && b <= 0xef) return [2, 0x80, 0xbf];
  if (b === 0xf0) return [3, 0x90, 0xbf];
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f];
  return [0, 0, 0];
}

function countByte(bytes: Uint8Array, value: number, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(value); i >= 0 && i < end; i = bytes.indexOf(value, i + 1)) count++;
  return count;
}

async function readAtMost(handle: FileHandle, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total < limit) {
    const buffer = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit - total));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
    if (bytesRead === 0) break;
    chunks.push(buffer.subarray(0, bytesRead));
    total += bytesRead;
  }
  return Buffer.concat(chunks, total);
}

function tooLarge(path: string, size: number, max: number): HeatwireError {
  return new HeatwireError('INPUT_TOO_LARGE', `${size} bytes, limit ${max}`, { input: path });
}

function fsError(err: unknown, path: string): HeatwireError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown';
  if (code === 'ENOENT') return new HeatwireError('NOT_FOUND', 'no such file', { input: path, cause: err });
  return new HeatwireError('INPUT_UNSUPPORTED', `cannot read the file (${code})`, {
    input: path,
    cause: err,
  });
}
