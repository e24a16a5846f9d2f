import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../support/cli.js';

const N = 10_000;
const root = join(import.meta.dirname, '..', '..');

function recordLine(i: number): string {
  return JSON.stringify({
    title: `Crash-test record ${i}`,
    webUrl: `https://crash.example/articles/${i}`,
    publishedDateTime: new Date(Date.UTC(2025, 0, 1) + i * 60_000).toISOString(),
    provider: { name: `Provider ${i % 17}`, domain: `p${i % 17}.example` },
    text: `Paragraph for record ${i}. `.repeat(20),
  });
}

function countRows(db: string): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM articles').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0; // not created yet, or the schema is still being written
  }
}

describe('crash safety: kill -9 during a 10,000-record ingest, then the same ingest again', () => {
  const data = tempDataDir();
  afterAll(() => data.cleanup());
  const input = join(data.dir, 'records.jsonl');

  it('leaves no duplicate and no partial row, and every record present once', async () => {
    writeFileSync(input, Array.from({ length: N }, (_, i) => recordLine(i)).join('\n') + '\n');
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/main.ts'), 'ingest', input], {
      env: { ...process.env, ...data.env },
      stdio: 'ignore',
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_c, signal) => resolve(signal)));
    // Kill as soon as some batches are committed but not all of them.
    let seen = 0;
    for (let i = 0; i < 2000 && seen === 0; i++) {
      await new Promise((r) => setTimeout(r, 10));
      seen = countRows(data.db);
    }
    child.kill('SIGKILL');
    const signal = await exited;
    const afterKill = countRows(data.db);
    expect(signal, 'the ingest was killed mid-way, not finished').toBe('SIGKILL');
    expect(afterKill).toBeGreaterThan(0);
    expect(afterKill).toBeLessThan(N);

    const again = await cli(['--json', 'ingest', input], data.env);
    expect(again.code).toBe(0);
    const summary = JSON.parse(again.out.trim().split('\n').at(-1)!);
    expect(summary.new + summary.duplicate).toBe(N);
    expect(summary.duplicate).toBe(afterKill);

    const conn = new Database(data.db, { readonly: true });
    const stats = conn
      .prepare('SELECT count(*) AS rows, count(DISTINCT id) AS ids, count(DISTINCT canonical_url) AS urls FROM articles')
      .get() as { rows: number; ids: number; urls: number };
    conn.close();
    expect(stats).toEqual({ rows: N, ids: N, urls: N });

    // No partial row: every record exports whole, with its text decrypting to what was ingested.
    const exported = await cli(['export', '--format', 'jsonl', '--with-text'], data.env);
    expect(exported.code).toBe(0);
    const lines = exported.out.trim().split('\n').map((l) => JSON.parse(l) as { title: string; text: string });
    expect(lines).toHaveLength(N);
    const byTitle = new Map(lines.map((l) => [l.title, l.text]));
    for (let i = 0; i < N; i += 97) {
      expect(byTitle.get(`Crash-test record ${i}`)).toBe(`Paragraph for record ${i}. `.repeat(20));
    }
  // Correctness, not speed: the second ingest enriches and clusters 10,000 records, which takes
  // minutes on a loaded 2-core machine (throughput is measured by bench:ingest and bench:enrich).
  }, 600_000);
});
