import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticleWrite as make } from '../../../test/fixtures/store/make-article-write.js';
import { HeatwireError } from '../../core/errors.js';
import { formatSecured, packSealed } from '../../secure/secured-format.js';
import { SQLITE_MIGRATIONS } from '../migrations/sqlite/index.js';
import { describeStoreContract } from '../store.contract.js';
import type { Store } from '../store.js';
import { applyMigrations } from './apply-migrations.js';
import { openSqliteStore } from './sqlite-store.js';

const T1 = '2024-05-01T08:00:00.000Z';
const T2 = '2024-05-02T08:00:00.000Z';

describe.each<[string, () => Promise<Store>]>([['sqlite :memory:', () => openSqliteStore(':memory:')]])(
  '%s',
  (name, makeStore) => describeStoreContract(name, makeStore),
);

describe('SQLite store on disk', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'heatwire-store-'));
    path = join(dir, 'nested', 'dir', 'heatwire.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the directory, uses WAL, and keeps data across close and reopen', async () => {
    const store = await openSqliteStore(path);
    await store.upsertArticles([make('a'), make('b')], T1);
    await store.close();
    expect(existsSync(path)).toBe(true);

    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all()).toEqual(
      SQLITE_MIGRATIONS.map((m) => ({ version: m.version, name: m.name })),
    );
    db.close();

    const again = await openSqliteStore(path);
    expect(await again.countArticles()).toBe(2);
    expect((await again.search('tugboats')).map((h) => h.id).sort()).toEqual(['art-a', 'art-b']);
    expect(await again.upsertArticles([make('a')], T2)).toEqual(['duplicate']);
    await again.close();
  });

  it('keeps the full-text index settings in the index itself, for every later connection (v8)', async () => {
    const store = await openSqliteStore(path);
    await store.upsertArticles([make('a')], T1);
    await store.close();
    const db = new Database(path, { readonly: true });
    const settings = Object.fromEntries(
      (db.prepare('SELECT k, v FROM articles_text_fts_config').all() as Array<{ k: string; v: unknown }>).map((r) => [r.k, r.v]),
    );
    db.close();
    expect(settings).toMatchObject({ hashsize: 16777216, automerge: 16 });
    const again = await openSqliteStore(path);
    expect((await again.search('tugboats')).map((h) => h.id)).toEqual(['art-a']);
    await again.close();
  });

  it('upgrades a version-1 database without losing rows, and indexes them for search', async () => {
    const v1 = new Database(path.replace('nested/dir/', ''));
    applyMigrations(v1, SQLITE_MIGRATIONS.slice(0, 1));
    v1.prepare(`INSERT INTO articles (id, record_json, fingerprint, content_hash, title, excerpt, origin,
      first_seen_at, updated_at) VALUES ('old-1', '{"title":"Ferry timetable changes"}', 'fp', 'h1',
      'Ferry timetable changes', 'Winter schedule.', 'legacy', ?, ?)`).run(T1, T1);
    v1.prepare("INSERT INTO article_urls (url, article_id) VALUES ('https://news.example/ferry', 'old-1')").run();
    v1.close();

    const store = await openSqliteStore(path.replace('nested/dir/', ''));
    expect(await store.countArticles()).toBe(1);
    expect(await store.getArticle('old-1')).toMatchObject({ title: 'Ferry timetable changes', firstSeenAt: T1 });
    expect(await store.findIdByUrl('https://news.example/ferry')).toBe('old-1');
    expect((await store.search('ferry')).map((h) => h.id)).toEqual(['old-1']);
    expect((await store.search('winter')).map((h) => h.id)).toEqual(['old-1']);
    await store.close();
  });

  it('refuses a database written by a newer version and leaves it untouched', async () => {
    const store = await openSqliteStore(path);
    await store.upsertArticles([make('a')], T1);
    await store.close();
    const db = new Database(path);
    db.prepare("INSERT INTO schema_migrations VALUES (99, 'from-the-future', ?)").run(T2);
    db.close();
    const before = readFileSync(path);

    const err: unknown = await openSqliteStore(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HeatwireError);
    expect((err as HeatwireError).message).toMatch(/schema version 99.*newer/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('opens read-only: reads work, writes fail, an outdated schema is refused', async () => {
    const store = await openSqliteStore(path);
    await store.upsertArticles([make('a')], T1);
    await store.close();
    const ro = await openSqliteStore(path, { readonly: true });
    expect(await ro.countArticles()).toBe(1);
    expect((await ro.search('cranes')).map((h) => h.id)).toEqual(['art-a']);
    await expect(ro.upsertArticles([make('b')], T2)).rejects.toMatchObject({ code: 'STORE_FAILED' });
    await ro.close();

    const v1Path = join(dir, 'v1.db');
    const v1 = new Database(v1Path);
    applyMigrations(v1, SQLITE_MIGRATIONS.slice(0, 1));
    v1.close();
    await expect(openSqliteStore(v1Path, { readonly: true })).rejects.toThrow(new RegExp(`needs ${SQLITE_MIGRATIONS.at(-1)!.version}`));
    await expect(openSqliteStore(join(dir, 'absent.db'), { readonly: true })).rejects.toMatchObject({ code: 'STORE_FAILED' });
    await expect(openSqliteStore(':memory:', { readonly: true })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('reads own ciphertexts in both stored forms: text (before v7) and binary; damaged bytes never as text', async () => {
    const parts = { ciphertext: Buffer.from('sealed words'), tag: Buffer.alloc(16, 9), iv: Buffer.alloc(12, 4) };
    const store = await openSqliteStore(path);
    await store.upsertArticles(
      ['binary', 'text', 'damaged'].map((id) => make(id, { secured: { kind: 'own', sealed: packSealed(parts), keyId: 'k' } })),
      T1,
    );
    await store.close();
    const db = new Database(path);
    // As a v6 database held it: the base64 text in secured_value, no binary column value.
    db.prepare("UPDATE articles SET secured_value = ?, secured_sealed = NULL WHERE id = 'art-text'").run(formatSecured(parts));
    db.prepare("UPDATE articles SET secured_sealed = x'0c0102' WHERE id = 'art-damaged'").run();
    db.close();
    const reopened = await openSqliteStore(path);
    const expected = { kind: 'own', ciphertext: formatSecured(parts), keyId: 'k' };
    expect((await reopened.getArticle('art-binary'))?.secured).toEqual(expected);
    expect((await reopened.getArticle('art-text'))?.secured).toEqual(expected);
    // Decrypting '' fails as unreadable: the row still lists, its text is never shown.
    expect((await reopened.getArticle('art-damaged'))?.secured).toEqual({ ...expected, ciphertext: '' });
    await reopened.close();
  });

  it('refuses a file that is not a database', async () => {
    const bogus = join(dir, 'bogus.db');
    writeFileSync(bogus, Buffer.alloc(8192, 'not a database '));
    await expect(openSqliteStore(bogus)).rejects.toMatchObject({ code: 'STORE_FAILED' });
  });

  it('keeps no readable copy of the full text: the file holds terms, never the sentence', async () => {
    const sentence = 'Zanzibar quokkas negotiate umbrella treaties with marzipan diplomats';
    const store = await openSqliteStore(path);
    await store.upsertArticles([make('secret', { textForIndex: sentence, secured: { kind: 'own', sealed: Buffer.from([12, ...Array<number>(12 + 1 + 16).fill(5)]), keyId: 'k' } })], T1);
    expect((await store.search('marzipan treaties')).map((h) => h.id)).toEqual(['art-secret']);
    await store.optimize();
    await store.close();

    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toContain(sentence.toLowerCase());
    expect(bytes).not.toContain('umbrella treaties');
    const db = new Database(path, { readonly: true });
    // The index answers membership, not order: phrase and NEAR queries are impossible on it.
    expect(() => db.prepare("SELECT rowid FROM articles_text_fts WHERE articles_text_fts MATCH '\"umbrella treaties\"'").all()).toThrow(/phrase/);
    expect(db.prepare("SELECT body FROM articles_text_fts WHERE articles_text_fts MATCH 'marzipan'").get()).toEqual({ body: null });
    db.close();
  });

  it('purges replaced terms from the index file after optimize', async () => {
    const rawIndex = (): string => {
      const db = new Database(path, { readonly: true });
      const blocks = db.prepare('SELECT block FROM articles_text_fts_data').all() as Array<{ block: unknown }>;
      db.close();
      return Buffer.concat(blocks.map((b) => (Buffer.isBuffer(b.block) ? b.block : Buffer.alloc(0)))).toString('latin1');
    };
    const store = await openSqliteStore(path);
    await store.upsertArticles([make('p', { textForIndex: 'xylophonist' })], T1);
    await store.upsertArticles([make('p', { textForIndex: 'accordionist' })], T2);
    expect(await store.search('xylophonist')).toEqual([]);
    // Deleted, yet its term still sits in an old segment until the segments are merged.
    expect(rawIndex()).toContain('xylophonist');
    await store.optimize();
    expect(rawIndex()).not.toContain('xylophonist');
    expect((await store.search('accordionist')).map((h) => h.id)).toEqual(['art-p']);
    await store.close();
  });
});
