import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeArticleWrite as make } from '../../test/fixtures/store/make-article-write.js';
import { HeatwireError } from '../core/errors.js';
import { formatSecured, packSealed } from '../secure/secured-format.js';
import type { ArticleRow, Store } from './store.js';

const T1 = '2024-05-01T08:00:00.000Z';
const T2 = '2024-05-02T09:30:00.000Z';
const T3 = '2024-05-03T11:15:00.000Z';

/** A well-formed own ciphertext (12-byte IV, 16-byte tag) as written (binary) and as read back (text). */
function own(label: string): { sealed: Buffer; text: string } {
  const parts = { ciphertext: Buffer.from(label), tag: Buffer.alloc(16, 7), iv: Buffer.alloc(12, 3) };
  return { sealed: packSealed(parts), text: formatSecured(parts) };
}

async function collect(it: AsyncIterable<ArticleRow>): Promise<ArticleRow[]> {
  const rows: ArticleRow[] = [];
  for await (const row of it) rows.push(row);
  return rows;
}

/**
 * The behaviour every Store backend must show (STYLE.md: one contract suite for SQLite and
 * PostgreSQL). `makeStore` returns a new, empty store for each test; the suite closes it.
 * A backend must reject an article with an empty id inside the batch transaction (the SQLite
 * schema does so with a CHECK constraint): the rollback test relies on it.
 *
 * @example describe.each([['sqlite', () => openSqliteStore(':memory:')]])('%s', (name, make) =>
 *   describeStoreContract(name, make));
 */
export function describeStoreContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('upsert', () => {
      it('inserts new articles and reads every field back, record key order included', async () => {
        const w = make('otter-1', {
          relatedIds: ['art-otter-2'],
          topics: ['Shipping', 'Ports'],
          extended: { language: 'en', summary: 'cranes' },
        });
        expect(await store.upsertArticles([w], T1)).toEqual(['new']);
        const row = await store.getArticle('art-otter-1');
        expect(row).toMatchObject({
          id: w.id, canonicalUrl: w.canonicalUrl, urls: w.urls, fingerprint: w.fingerprint,
          contentHash: w.contentHash, title: w.title, excerpt: w.excerpt, publishedAt: w.publishedAt,
          providerName: w.providerName, providerDomain: w.providerDomain, topics: ['Shipping', 'Ports'],
          secured: null, relatedIds: ['art-otter-2'], extended: w.extended, origin: w.origin,
          firstSeenAt: T1, updatedAt: T1,
        });
        expect(row?.record).toEqual(w.record);
        expect(Object.keys(row?.record ?? {})).toEqual(Object.keys(w.record));
        expect(await store.getArticle('art-missing')).toBeNull();
      });

      it('is idempotent: the same batch twice gives duplicates and changes nothing', async () => {
        const batch = [make('a'), make('b'), make('c')];
        expect(await store.upsertArticles(batch, T1)).toEqual(['new', 'new', 'new']);
        expect(await store.upsertArticles(batch, T2)).toEqual(['duplicate', 'duplicate', 'duplicate']);
        expect(await store.countArticles()).toBe(3);
        expect((await store.getArticle('art-b'))?.updatedAt).toBe(T1);
      });

      it('updates in place when the content changed, keeping first_seen_at', async () => {
        await store.upsertArticles([make('a'), make('b')], T1);
        const changed = make('a', { title: 'Harbour report a, revised', textForIndex: 'Revised body.' });
        expect(await store.upsertArticles([changed], T2)).toEqual(['updated']);
        const row = await store.getArticle('art-a');
        expect(row).toMatchObject({ title: 'Harbour report a, revised', firstSeenAt: T1, updatedAt: T2 });
        expect(row?.contentHash).toBe(changed.contentHash);
        expect(await store.countArticles()).toBe(2);
        const order = (await collect(store.iterateArticles())).map((r) => r.id);
        expect(order).toEqual(['art-a', 'art-b']);
      });

      it('handles the same id twice in one batch', async () => {
        const a = make('a');
        expect(await store.upsertArticles([a, a], T1)).toEqual(['new', 'duplicate']);
        const b = make('b');
        const b2 = make('b', { title: 'Harbour report b, second take' });
        expect(await store.upsertArticles([b, b2], T1)).toEqual(['new', 'updated']);
        expect((await store.getArticle('art-b'))?.title).toBe('Harbour report b, second take');
        expect(await store.countArticles()).toBe(2);
      });

      it('matches an item by any of its URLs (an AMP URL reaches the stored article)', async () => {
        const web = 'https://news.example/otter-1';
        const amp = 'https://news.example/otter-1/amp';
        await store.upsertArticles([make('otter-1', { urls: [web, amp] })], T1);
        // Arrives under another id, through its AMP URL only, with a different hash.
        const viaAmp = make('otter-1-amp', { urls: [amp], canonicalUrl: null, title: 'Harbour report, AMP' });
        expect(await store.upsertArticles([viaAmp], T2)).toEqual(['updated']);
        expect(await store.countArticles()).toBe(1);
        expect(await store.getArticle('art-otter-1-amp')).toBeNull();
        expect(await store.findIdByUrl(amp)).toBe('art-otter-1');
        expect((await store.getArticle('art-otter-1'))?.title).toBe('Harbour report, AMP');
        expect(await store.upsertArticles([viaAmp], T3)).toEqual(['duplicate']);
        expect(await store.findIdByUrl('https://news.example/never-seen')).toBeNull();
      });

      it('merges the URLs of an updated article and never loses one', async () => {
        const first = 'https://news.example/first';
        const second = 'https://news.example/second';
        await store.upsertArticles([make('m', { urls: [first] })], T1);
        await store.upsertArticles([make('m', { urls: [second], title: 'Moved' })], T2);
        const row = await store.getArticle('art-m');
        expect(row?.urls).toEqual(expect.arrayContaining([first, second, 'https://news.example/m']));
        expect(row?.urls[0]).toBe(first);
        expect(await store.findIdByUrl(first)).toBe('art-m');
        expect(await store.findIdByUrl(second)).toBe('art-m');
      });

      it('inserts reference items when absent and never lets them overwrite', async () => {
        const ref = make('r', { mode: 'reference', title: 'Nested copy of r' });
        expect(await store.upsertArticles([ref], T1)).toEqual(['new']);
        const refAgain = make('r', { mode: 'reference', title: 'Another nested copy of r' });
        expect(await store.upsertArticles([refAgain], T2)).toEqual(['duplicate']);
        expect(await store.getArticle('art-r')).toMatchObject({ title: 'Nested copy of r', updatedAt: T1 });
        // The full item does update it; a later reference copy leaves the full one alone.
        const full = make('r', { title: 'The article r itself' });
        expect(await store.upsertArticles([full, refAgain], T3)).toEqual(['updated', 'duplicate']);
        expect(await store.getArticle('art-r')).toMatchObject({ title: 'The article r itself', updatedAt: T3 });
      });

      it('stores related links in order and replaces them on a full update', async () => {
        const parent = make('p', { relatedIds: ['art-c1', 'art-c2', 'art-c3'] });
        const kids = ['c1', 'c2', 'c3'].map((s) => make(s, { mode: 'reference' }));
        // Parent before its related records, in one batch.
        expect(await store.upsertArticles([parent, ...kids], T1)).toEqual(['new', 'new', 'new', 'new']);
        expect((await store.getArticle('art-p'))?.relatedIds).toEqual(['art-c1', 'art-c2', 'art-c3']);
        await store.upsertArticles([make('p', { relatedIds: ['art-c3', 'art-c1'] })], T2);
        expect((await store.getArticle('art-p'))?.relatedIds).toEqual(['art-c3', 'art-c1']);
      });

      it('round-trips every kind of secured text', async () => {
        const cipher = own('cipher');
        await store.upsertArticles(
          [
            make('own', { secured: { kind: 'own', sealed: cipher.sealed, keyId: 'k2024' } }),
            make('foreign', { secured: { kind: 'foreign', value: 'Rm9yZWlnbg==;SVY=' } }),
            make('none', { secured: null }),
          ],
          T1,
        );
        expect((await store.getArticle('art-own'))?.secured).toEqual({ kind: 'own', ciphertext: cipher.text, keyId: 'k2024' });
        expect((await store.getArticle('art-foreign'))?.secured).toEqual({ kind: 'foreign', value: 'Rm9yZWlnbg==;SVY=' });
        expect((await store.getArticle('art-none'))?.secured).toBeNull();
      });

      it('rolls a failing batch back completely', async () => {
        await store.upsertArticles([make('keep')], T1);
        const batch = [make('fresh'), make('keep', { title: 'Should not stick' }), make('bad', { id: '' })];
        const err: unknown = await store.upsertArticles(batch, T2).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(HeatwireError);
        expect((err as HeatwireError).code).toBe('STORE_FAILED');
        expect(await store.countArticles()).toBe(1);
        expect(await store.getArticle('art-fresh')).toBeNull();
        expect(await store.getArticle('art-keep')).toMatchObject({ title: 'Harbour report keep', updatedAt: T1 });
        expect(await store.search('Should not stick')).toEqual([]);
        expect(await store.findIdByUrl('https://news.example/fresh')).toBeNull();
        // The store still works after the rollback, and nothing of the failed batch reaches the
        // index with the next one.
        expect(await store.upsertArticles([make('fresh')], T3)).toEqual(['new']);
        expect(await store.search('Should not stick')).toEqual([]);
        expect((await store.search('fresh')).map((h) => h.id)).toEqual(['art-fresh']);
      });
    });

    describe('listing', () => {
      it('lists topics by count and articles by topic, newest first', async () => {
        await store.upsertArticles(
          [
            make('t1', { topics: ['AI', 'Chips'], publishedAt: '2024-01-01T00:00:00Z' }),
            make('t2', { topics: ['AI'], publishedAt: '2024-03-01T00:00:00Z' }),
            make('t3', { topics: ['AI', 'Chips'], publishedAt: '2024-02-01T00:00:00Z' }),
            make('t4', { topics: ['Robots'], publishedAt: null }),
          ],
          T1,
        );
        expect(await store.listTopics()).toEqual([
          { name: 'AI', count: 3 },
          { name: 'Chips', count: 2 },
          { name: 'Robots', count: 1 },
        ]);
        expect((await store.listArticles({ topic: 'AI' })).map((r) => r.id)).toEqual(['art-t2', 'art-t3', 'art-t1']);
        expect((await store.listArticles({ topic: 'Chips', order: 'first_seen_asc' })).map((r) => r.id)).toEqual(['art-t1', 'art-t3']);
        expect(await store.listArticles({ topic: 'Nothing' })).toEqual([]);
        // An update that drops a topic updates the counts.
        await store.upsertArticles([make('t1', { topics: ['AI'], publishedAt: '2024-01-01T00:00:00Z' })], T2);
        expect(await store.listTopics()).toContainEqual({ name: 'Chips', count: 1 });
      });

      it('lists all articles newest first (undated last) or in arrival order, with limit and offset', async () => {
        await store.upsertArticles(
          [
            make('l1', { publishedAt: '2024-01-01T00:00:00Z' }),
            make('l2', { publishedAt: null }),
            make('l3', { publishedAt: '2024-06-01T00:00:00Z' }),
            make('l4', { publishedAt: '2024-03-01T00:00:00Z' }),
          ],
          T1,
        );
        const ids = async (o: Parameters<Store['listArticles']>[0]) => (await store.listArticles(o)).map((r) => r.id);
        expect(await ids({})).toEqual(['art-l3', 'art-l4', 'art-l1', 'art-l2']);
        expect(await ids({ limit: 2, offset: 1 })).toEqual(['art-l4', 'art-l1']);
        expect(await ids({ order: 'first_seen_asc' })).toEqual(['art-l1', 'art-l2', 'art-l3', 'art-l4']);
        expect((await store.listArticles({ limit: 1 }))[0]?.urls).toEqual(['https://news.example/l3']);
      });

      it('iterates every article in insertion order across pages', async () => {
        const slugs = ['i1', 'i2', 'i3', 'i4', 'i5'];
        await store.upsertArticles(slugs.slice(0, 3).map((s) => make(s)), T1);
        await store.upsertArticles(slugs.slice(3).map((s) => make(s)), T2);
        await store.upsertArticles([make('i2', { title: 'i2 updated' })], T3);
        const rows = await collect(store.iterateArticles(2));
        expect(rows.map((r) => r.id)).toEqual(slugs.map((s) => `art-${s}`));
        expect(rows[1]?.title).toBe('i2 updated');
        expect(await collect(store.iterateArticles(100))).toHaveLength(5);
      });
    });

    describe('updateSecured', () => {
      it('replaces ciphertexts in one transaction and refuses unknown ids whole', async () => {
        await store.upsertArticles(
          ['s1', 's2', 's3'].map((s) => make(s, { secured: { kind: 'own', sealed: own(`old ${s}`).sealed, keyId: 'old' } })),
          T1,
        );
        await store.updateSecured([
          { id: 'art-s1', ciphertext: own('new 1').text, keyId: 'new' },
          { id: 'art-s2', ciphertext: own('new 2').text, keyId: 'new' },
        ]);
        expect((await store.getArticle('art-s1'))?.secured).toEqual({ kind: 'own', ciphertext: own('new 1').text, keyId: 'new' });
        expect((await store.getArticle('art-s2'))?.secured).toMatchObject({ keyId: 'new' });
        expect((await store.getArticle('art-s3'))?.secured).toMatchObject({ keyId: 'old' });
        await expect(
          store.updateSecured([
            { id: 'art-s3', ciphertext: own('new 3').text, keyId: 'new' },
            { id: 'art-nope', ciphertext: own('x').text, keyId: 'new' },
          ]),
        ).rejects.toThrow(HeatwireError);
        expect((await store.getArticle('art-s3'))?.secured).toMatchObject({ keyId: 'old' });
      });
    });

    describe('enrichment updates and topic corrections', () => {
      it('replaces topics and extended fields in one transaction, content and times unchanged', async () => {
        await store.upsertArticles([make('e1', { topics: ['Ports'] }), make('e2', { topics: ['Ports'] })], T1);
        const before = await store.getArticle('art-e1');
        const record = { ...before!.record, topics: ['Cranes'] };
        await store.updateEnrichment([
          { id: 'art-e1', topics: ['Cranes', 'Shipping'], extended: { language: 'en' }, record },
          { id: 'art-e2', topics: [], extended: {} },
        ]);
        const e1 = await store.getArticle('art-e1');
        expect(e1).toMatchObject({ topics: ['Cranes', 'Shipping'], extended: { language: 'en' }, updatedAt: T1 });
        expect(e1?.record.topics).toEqual(['Cranes']);
        expect(e1?.contentHash).toBe(before?.contentHash);
        expect((await store.listArticles({ topic: 'Cranes' })).map((r) => r.id)).toEqual(['art-e1']);
        expect(await store.listArticles({ topic: 'Ports' })).toEqual([]);
        await expect(
          store.updateEnrichment([
            { id: 'art-e2', topics: ['Ports'], extended: {} },
            { id: 'art-nope', topics: [], extended: {} },
          ]),
        ).rejects.toThrow(HeatwireError);
        expect((await store.getArticle('art-e2'))?.topics).toEqual([]);
      });

      it('keeps one correction per article, pending until marked trained', async () => {
        await store.upsertArticles([make('c1'), make('c2')], T1);
        await store.saveTopicCorrection({ articleId: 'art-c1', add: ['Cranes'], remove: [], createdAt: T1 });
        await store.saveTopicCorrection({ articleId: 'art-c2', add: [], remove: ['Ports'], createdAt: T2 });
        await store.markTopicCorrectionsTrained(['art-c1'], T2);
        expect((await store.listTopicCorrections({ pending: true })).map((c) => c.articleId)).toEqual(['art-c2']);
        await store.saveTopicCorrection({ articleId: 'art-c1', add: ['Docks'], remove: ['Ports'], createdAt: T3 });
        const all = await store.listTopicCorrections();
        expect(all).toEqual([
          { articleId: 'art-c2', add: [], remove: ['Ports'], createdAt: T2, trainedAt: null },
          { articleId: 'art-c1', add: ['Docks'], remove: ['Ports'], createdAt: T3, trainedAt: null },
        ]);
        await expect(store.saveTopicCorrection({ articleId: 'art-nope', add: ['X'], remove: [], createdAt: T1 })).rejects.toThrow(
          HeatwireError,
        );
      });
    });

    describe('search', () => {
      it('finds title, excerpt and full-text hits and ranks title > excerpt > text', async () => {
        await store.upsertArticles(
          [
            make('x-text', { title: 'Quarterly port figures', excerpt: 'Numbers for the season.', textForIndex: 'A walrus was seen near the dock.' }),
            make('x-excerpt', { title: 'Quarterly dock figures', excerpt: 'A walrus visits the harbour.', textForIndex: 'Nothing more.' }),
            make('x-title', { title: 'Walrus spotted at harbour', excerpt: 'Visitors gathered.', textForIndex: 'Nothing more.' }),
            make('x-none', { title: 'Unrelated story', excerpt: 'Cranes only.', textForIndex: 'Tugboats only.' }),
          ],
          T1,
        );
        const hits = await store.search('walrus');
        expect(hits.map((h) => h.id)).toEqual(['art-x-title', 'art-x-excerpt', 'art-x-text']);
        expect(hits[0]).toMatchObject({ title: 'Walrus spotted at harbour', excerpt: 'Visitors gathered.', providerName: 'Example News' });
        expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
        expect(hits[1]!.score).toBeGreaterThan(hits[2]!.score);
        // Every word must occur, possibly in different fields; case and accents are folded.
        expect((await store.search('WALRUS dóck')).map((h) => h.id).sort()).toEqual(['art-x-excerpt', 'art-x-text']);
        expect(await store.search('walrus giraffe')).toEqual([]);
        expect(await store.search('walrus', { limit: 1 })).toHaveLength(1);
      });

      it('never throws on query syntax and answers [] to an empty query', async () => {
        await store.upsertArticles([make('q', { title: 'AI chips and NEAR-field radios' })], T1);
        for (const q of ['AI"', '-foo', 'NEAR(', '"', '*', 'title:ai', 'ai OR', 'AND', '(ai', 'ai)', "'; DROP TABLE articles; --", '^ai', 'a+b', 'ai*', '\u0301', '🙂', '']) {
          await expect(store.search(q), q).resolves.toBeInstanceOf(Array);
        }
        expect((await store.search('AI"')).map((h) => h.id)).toEqual(['art-q']);
        expect((await store.search('near(')).map((h) => h.id)).toEqual(['art-q']);
        expect(await store.search('   ')).toEqual([]);
        expect(await store.search('?!…')).toEqual([]);
      });

      it('indexes an article written twice in one batch as it was last written', async () => {
        await store.upsertArticles([make('old', { textForIndex: 'An otter floated by.' })], T1);
        // New articles, then the older stored one (a lower rowid), then a new one written twice.
        const batch = [
          make('n1', { textForIndex: 'Gulls circled the quay.' }),
          make('old', { title: 'Older story, revised', textForIndex: 'A seal floated by.' }),
          make('n2', { title: 'First title', textForIndex: 'Draft mentions a heron.' }),
          make('n2', { title: 'Second title', textForIndex: 'Final mentions a cormorant.' }),
        ];
        expect(await store.upsertArticles(batch, T2)).toEqual(['new', 'updated', 'new', 'updated']);
        const ids = async (q: string) => (await store.search(q)).map((h) => h.id).sort();
        expect(await ids('otter')).toEqual([]);
        expect(await ids('seal')).toEqual(['art-old']);
        expect(await ids('revised')).toEqual(['art-old']);
        expect(await ids('gulls')).toEqual(['art-n1']);
        expect(await ids('heron')).toEqual([]);
        expect(await ids('first')).toEqual([]);
        expect(await ids('cormorant')).toEqual(['art-n2']);
        expect(await ids('second')).toEqual(['art-n2']);
        expect(await ids('floated')).toEqual(['art-old']);
      });

      it('forgets the old text of an updated article', async () => {
        await store.upsertArticles([make('u', { textForIndex: 'The lighthouse keeper fed a pelican.' })], T1);
        expect((await store.search('pelican')).map((h) => h.id)).toEqual(['art-u']);
        await store.upsertArticles([make('u', { textForIndex: 'The lighthouse keeper painted the door.' })], T2);
        expect(await store.search('pelican')).toEqual([]);
        expect((await store.search('painted')).map((h) => h.id)).toEqual(['art-u']);
        await store.upsertArticles([make('u', { title: 'Renamed beacon story', textForIndex: 'Painted door.' })], T3);
        expect(await store.search('lighthouse')).toEqual([]);
        expect((await store.search('beacon')).map((h) => h.id)).toEqual(['art-u']);
      });
    });
  });
}
