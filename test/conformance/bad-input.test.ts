import { closeSync, mkdirSync, openSync, writeFileSync, ftruncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../support/cli.js';

const good = (n: number, extra = '') => `---
title: "Good record ${n}"
webUrl: "https://news.example/good-${n}"
publishedDateTime: 2024-05-0${n}T10:00:00Z
${extra}---
Body of good record ${n}.
`;

/** Bad inputs of every kind named by the issue, each beside good ones. */
function writeInputs(dir: string): Record<string, string> {
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string | Buffer> = {
    'good-1.md': good(1),
    'malformed-yaml.md': '---\ntitle: "unterminated\nwebUrl: [oops\n---\n',
    'missing-title.md': '---\nwebUrl: "https://news.example/no-title"\n---\n',
    'impossible-date.md': '---\ntitle: "Leap"\npublishedDateTime: 2023-02-30T10:00:00Z\n---\n',
    'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
    'empty.md': '',
    'invalid-utf8.md': Buffer.concat([Buffer.from('---\ntitle: "caf'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n---\n')]),
    'unclosed.md': '---\ntitle: "Never closed"\nwebUrl: "https://news.example/unclosed"\n',
    'lines.jsonl': [
      JSON.stringify({ title: 'Line one', webUrl: 'https://news.example/l1', text: 'First.' }),
      '{"title": "broken", ',
      JSON.stringify({ title: 'Line three', webUrl: 'https://news.example/l3' }),
    ].join('\n'),
    'good-2.md': good(2),
  };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  // 50 MB, made sparse so the test stays fast: it must be refused without being read whole.
  const big = join(dir, 'huge.md');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024);
  closeSync(fd);
  return Object.fromEntries(Object.keys(files).concat('huge.md').map((n) => [n, join(dir, n)]));
}

describe('bad input: one clear error each, the rest ingests, nothing stored changes', () => {
  const data = tempDataDir();
  afterAll(() => data.cleanup());

  it('reports each bad file with its code (and line), ingests the good ones', async () => {
    const paths = writeInputs(join(data.dir, 'in'));
    const before = await cli(['ingest', paths['good-1.md']!], data.env);
    expect(before.code).toBe(0);
    const exportBefore = await cli(['export', '--format', 'jsonl', '--with-text'], data.env);

    const res = await cli(['--json', 'ingest', join(data.dir, 'in')], data.env);
    expect(res.code).toBe(1);
    const summary = JSON.parse(res.out.trim().split('\n').at(-1)!) as {
      new: number;
      duplicate: number;
      failed: Array<{ input: string; line?: number; code: string; reason: string }>;
    };
    const byFile = (name: string) => summary.failed.filter((f) => f.input.endsWith(name));
    expect(byFile('malformed-yaml.md')[0]).toMatchObject({ code: 'RECORD_YAML' });
    expect(byFile('malformed-yaml.md')[0]!.line).toBeGreaterThan(0);
    expect(byFile('missing-title.md')[0]).toMatchObject({ code: 'RECORD_INVALID' });
    expect(byFile('missing-title.md')[0]!.reason).toMatch(/title/);
    expect(byFile('impossible-date.md')[0]).toMatchObject({ code: 'RECORD_INVALID' });
    expect(byFile('impossible-date.md')[0]!.reason).toMatch(/publishedDateTime/);
    expect(byFile('binary.md')[0]).toMatchObject({ code: 'INPUT_BINARY' });
    expect(byFile('empty.md')[0]).toMatchObject({ code: 'INPUT_EMPTY' });
    expect(byFile('huge.md')[0]).toMatchObject({ code: 'INPUT_TOO_LARGE' });
    expect(byFile('invalid-utf8.md')[0]).toMatchObject({ code: 'INPUT_ENCODING' });
    expect(byFile('unclosed.md')[0]).toMatchObject({ code: 'RECORD_UNCLOSED' });
    expect(byFile('lines.jsonl')).toHaveLength(1);
    expect(byFile('lines.jsonl')[0]).toMatchObject({ code: 'JSON_SYNTAX', line: 2 });
    expect(summary.failed).toHaveLength(9);
    // good-2 and the two good JSONL lines are new; good-1 was already stored.
    expect(summary.new).toBe(3);
    expect(summary.duplicate).toBe(1);

    const exportAfter = await cli(['export', '--format', 'jsonl', '--with-text'], data.env);
    const first = (s: string) => s.split('\n').find((l) => l.includes('good-1'));
    expect(first(exportAfter.out)).toBe(first(exportBefore.out));
  });

  it('prints failures as file:line: CODE reason without --json', async () => {
    const res = await cli(['ingest', join(data.dir, 'in', 'lines.jsonl'), join(data.dir, 'in', 'empty.md')], data.env);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/lines\.jsonl:2: JSON_SYNTAX/);
    expect(res.err).toMatch(/empty\.md: INPUT_EMPTY/);
    expect(res.out).toMatch(/0 new, 0 updated, 2 duplicate, 2 failed/);
  });

  it('exits 2 on usage errors', async () => {
    expect((await cli(['export', '--format', 'pdf'], data.env)).code).toBe(2);
    expect((await cli(['no-such-command'], data.env)).code).toBe(2);
    expect((await cli(['search', 'x', '--limit', 'lots'], data.env)).code).toBe(2);
  });
});
