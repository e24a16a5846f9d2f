import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HeatwireError, type ErrorCode } from '../core/errors.js';
import { decodeInput, readInput, sniffInputKind, type InputKind } from './read-input.js';

const MB = 1024 * 1024;
const dir = mkdtempSync(join(tmpdir(), 'heatwire-read-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function rejection(promise: Promise<unknown>, code: ErrorCode): Promise<HeatwireError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HeatwireError);
  expect((err as HeatwireError).code).toBe(code);
  return err as HeatwireError;
}

function decodeError(bytes: Buffer, code: ErrorCode): HeatwireError {
  let err: unknown;
  try {
    decodeInput(bytes, 'mem');
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(HeatwireError);
  expect((err as HeatwireError).code).toBe(code);
  return err as HeatwireError;
}

describe('readInput', () => {
  it('reads UTF-8 text and drops the BOM', async () => {
    const path = file(
      'bom.md',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: "Café ☕"\n---\n')]),
    );
    expect(await readInput(path, { maxBytes: MB })).toBe('---\ntitle: "Café ☕"\n---\n');
  });

  it('INPUT_EMPTY for 0 bytes and for whitespace only', async () => {
    await rejection(readInput(file('empty.md', ''), { maxBytes: MB }), 'INPUT_EMPTY');
    await rejection(readInput(file('blank.md', ' \n\t\r\n'), { maxBytes: MB }), 'INPUT_EMPTY');
  });

  it('INPUT_TOO_LARGE for a 50 MB file from stat(), without reading it', async () => {
    const path = join(dir, 'huge.md');
    const fd = openSync(path, 'w');
    ftruncateSync(fd, 50 * MB); // sparse: instant to create, 50 MB by stat()
    closeSync(fd);
    const started = performance.now();
    const err = await rejection(readInput(path, { maxBytes: 20 * MB }), 'INPUT_TOO_LARGE');
    expect(performance.now() - started).toBeLessThan(500);
    // The size in the message is stat()'s, not a count of bytes read (which would stop at 20 MB + 1).
    expect(err.message).toContain(String(50 * MB));
    expect(err.input).toBe(path);
  });

  it('accepts exactly maxBytes and refuses one byte more', async () => {
    expect(await readInput(file('ten.txt', 'abcdefghij'), { maxBytes: 10 })).toBe('abcdefghij');
    await rejection(readInput(file('eleven.txt', 'abcdefghijk'), { maxBytes: 10 }), 'INPUT_TOO_LARGE');
  });

  it('INPUT_BINARY, INPUT_ENCODING through the file path too', async () => {
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    await rejection(readInput(file('image.md', png), { maxBytes: MB }), 'INPUT_BINARY');
    const bad = Buffer.concat([
      Buffer.from('---\ntitle: "caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"\n---\n'),
    ]);
    const err = await rejection(readInput(file('bad.md', bad), { maxBytes: MB }), 'INPUT_ENCODING');
    expect(err.line).toBe(2);
  });

  it('NOT_FOUND for a missing file, INPUT_UNSUPPORTED for a directory', async () => {
    await rejection(readInput(join(dir, 'nope.md'), { maxBytes: MB }), 'NOT_FOUND');
    await rejection(readInput(dir, { maxBytes: MB }), 'INPUT_UNSUPPORTED');
  });
});

describe('decodeInput', () => {
  it('INPUT_BINARY for NUL bytes anywhere and for control-byte soup', () => {
    decodeError(Buffer.from('plain text\0more'), 'INPUT_BINARY');
    decodeError(Buffer.concat([Buffer.from('a'.repeat(20_000)), Buffer.from([0])]), 'INPUT_BINARY');
    decodeError(
      Buffer.from(Array.from({ length: 600 }, (_, i) => [0x01, 0x02, 0x41, 0x03, 0x7f][i % 5] ?? 0)),
      'INPUT_BINARY',
    );
    // High bytes that are mostly invalid UTF-8 (and no NUL): binary, not an encoding problem.
    decodeError(
      Buffer.from(Array.from({ length: 4000 }, (_, i) => 0x80 + ((i * 37) % 0x7f))),
      'INPUT_BINARY',
    );
  });

  it('INPUT_ENCODING with line and offset for invalid UTF-8 (Latin-1, overlong, surrogate, truncated)', () => {
    const latin1 = decodeError(Buffer.from('line one\nline two caf\xe9\n', 'latin1'), 'INPUT_ENCODING');
    expect(latin1.line).toBe(2);
    expect(latin1.message).toMatch(/0xe9 at offset 21/);
    decodeError(Buffer.from([0x61, 0xc0, 0xaf, 0x62]), 'INPUT_ENCODING'); // overlong "/"
    decodeError(Buffer.from([0x61, 0xed, 0xa0, 0x80, 0x62]), 'INPUT_ENCODING'); // UTF-16 surrogate
    decodeError(Buffer.from([0x61, 0x62, 0xe2, 0x82]), 'INPUT_ENCODING'); // cut inside "€"
  });

  it('keeps valid multi-byte text, also across the 8 KB sniffing window', () => {
    const text = `${'a'.repeat(8191)}€ and 日本 🚀`;
    expect(decodeInput(Buffer.from(text), 'x')).toBe(text);
    expect(decodeInput(Buffer.from('\x1b[1mbold\x1b[0m\f\v\n'), 'x')).toBe('\x1b[1mbold\x1b[0m\f\v\n');
  });

  it('decodes UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('---\ntitle: "ü"\n---\n', 'utf16le')]);
    expect(decodeInput(le, 'x')).toBe('---\ntitle: "ü"\n---\n');
    const be = Buffer.from(Buffer.from('\uFEFFhi', 'utf16le')).swap16();
    expect(decodeInput(be, 'x')).toBe('hi');
  });

  it('INPUT_EMPTY for no bytes, a lone BOM, or whitespace', () => {
    decodeError(Buffer.alloc(0), 'INPUT_EMPTY');
    decodeError(Buffer.from([0xef, 0xbb, 0xbf]), 'INPUT_EMPTY');
    decodeError(Buffer.from('\n\n   \t'), 'INPUT_EMPTY');
  });
});

describe('sniffInputKind', () => {
  const record = '---\ntitle: "x"\n---\n';
  const cases: Array<[string, string, InputKind]> = [
    ['seed.txt', record, 'record'],
    ['note.md', record, 'record'],
    ['noext', `\uFEFF\n${record}`, 'record'],
    ['r.yaml', 'title: x\n', 'record'],
    ['r.yml', record, 'record'],
    ['plain.md', '# Heading\n\nText.', 'text'],
    ['page.txt', 'Site name\n\nA headline\n\nParagraph.', 'text'],
    ['dump.jsonl', '{"title":"a"}\n', 'jsonl'],
    ['dump.ndjson', '{"title":"a"}\n', 'jsonl'],
    ['unnamed', '{"title":"a"}\n{"title":"b"}\n', 'jsonl'],
    ['one.json', '{"title":"a"}', 'json'],
    ['many.json', '[{"title":"a"}]', 'json'],
    ['broken.json', 'not json at all', 'json'],
    ['feed.json', '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "title": "F"\n}', 'feed'],
    ['https://x.example/feed?fmt=json', '{"version":"https://jsonfeed.org/version/1","items":[]}', 'feed'],
    ['subs.opml', '<?xml version="1.0"?><opml version="2.0"></opml>', 'opml'],
    ['subs.xml', '<?xml version="1.0"?>\n<!-- exported -->\n<opml version="1.0">', 'opml'],
    ['a.xml', '<?xml version="1.0"?><rss version="2.0"><channel>', 'feed'],
    ['atom', '<feed xmlns="http://www.w3.org/2005/Atom">', 'feed'],
    [
      'rdf.txt',
      '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
      'feed',
    ],
    ['weird.xml', '<?xml version="1.0"?><catalog/>', 'feed'],
    ['page', '<!DOCTYPE html>\n<html lang="en">', 'html'],
    ['page.htm', '<div>fragment</div>', 'html'],
    ['https://x.example/article', '  <html><head>', 'html'],
    ['front.html', record, 'html'],
    ['mail.eml', 'From: someone\nSubject: hi', 'text'],
  ];
  it.each(cases.map(([name, text, kind]) => ({ name, text, kind })))(
    '$name → $kind',
    ({ name, text, kind }) => {
      expect(sniffInputKind(name, text)).toBe(kind);
    },
  );
});
