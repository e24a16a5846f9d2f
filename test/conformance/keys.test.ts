import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDataDir } from '../support/cli.js';

const BODY = 'A full text that must stay secret at rest.\n\nIts second paragraph.';

describe('secured text through the CLI: key file, rotation, tamper detection', () => {
  const data = tempDataDir();
  afterAll(() => data.cleanup());
  const input = join(data.dir, 'one.md');
  const lines = async () =>
    (await cli(['export', '--format', 'jsonl', '--with-text'], data.env)).out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { title: string; text?: string; secured?: string });

  it('creates a 0600 key file and never stores the plaintext', async () => {
    writeFileSync(input, `---\ntitle: "Secret article"\nwebUrl: "https://news.example/secret"\n---\n${BODY}\n`);
    expect((await cli(['ingest', input], data.env)).code).toBe(0);
    expect(statSync(join(data.dir, 'heatwire.key')).mode & 0o777).toBe(0o600);
    const raw = readFileSync(data.db).toString('latin1');
    expect(raw).not.toContain('must stay secret');
    const [line] = await lines();
    expect(line!.text).toBe(BODY);
    expect(line!.secured).toMatch(/^[A-Za-z0-9+/=]+;[A-Za-z0-9+/=]+$/);
  });

  it('rotates: a new current key, every text re-encrypted and still readable', async () => {
    const before = (await lines())[0]!.secured;
    const res = await cli(['--json', 'keys', 'rotate'], data.env);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toMatchObject({ reencrypted: 1, resealed: 1, failed: [] });
    // The sealed enrichment (summary, evidence) moved to the new key together with the text.
    const conn = new Database(data.db, { readonly: true });
    const keys = conn.prepare('SELECT secured_key_id AS text, extended_json AS ext FROM articles').get() as { text: string; ext: string };
    conn.close();
    expect((JSON.parse(keys.ext) as { sealed: { keyId: string } }).sealed.keyId).toBe(keys.text);
    const keyFile = JSON.parse(readFileSync(join(data.dir, 'heatwire.key'), 'utf8')) as { keys: unknown[] };
    expect(keyFile.keys).toHaveLength(2);
    const after = (await lines())[0]!;
    expect(after.secured).not.toBe(before);
    expect(after.text).toBe(BODY);
  });

  it('detects tampered ciphertext and never shows it as text', async () => {
    const conn = new Database(data.db);
    // The stored form is binary: IV length, IV, ciphertext‖tag (src/store/migrations/sqlite/0007-sealed-text.ts).
    const row = conn.prepare("SELECT id, secured_sealed AS v FROM articles WHERE secured_kind = 'own'").get() as { id: string; v: Buffer };
    const bytes = Buffer.from(row.v);
    const firstCiphertextByte = 1 + bytes[0]!;
    bytes[firstCiphertextByte] = bytes[firstCiphertextByte]! ^ 0x01;
    conn.prepare('UPDATE articles SET secured_sealed = ? WHERE id = ?').run(bytes, row.id);
    conn.close();

    const exported = await cli(['export', '--format', 'jsonl', '--with-text'], data.env);
    expect(exported.code).toBe(1);
    expect(exported.err).toMatch(/SECURED_TAMPERED/);
    expect(JSON.parse(exported.out.trim()).text).toBeUndefined();
    const shown = await cli(['show', row.id, '--with-text'], data.env);
    expect(shown.code).toBe(1);
    expect(shown.err).toMatch(/SECURED_TAMPERED/);
    expect(shown.out.trimEnd().endsWith('---'), 'no body after the front matter').toBe(true);
    const json = JSON.parse((await cli(['--json', 'show', row.id, '--with-text'], data.env)).out) as { text?: string; textError?: string };
    expect(json.text).toBeUndefined();
    expect(json.textError).toBe('SECURED_TAMPERED');
  });
});
