import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadKeyRing } from '../secure/index.js';
import { ingestPaths } from '../services/ingest.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import type { Store } from '../store/store.js';
import { createApp } from './app.js';

describe('HTTP app (in-process)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'heatwire-http-'));
  let store: Store;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    store = await openSqliteStore(':memory:');
    const ring = await loadKeyRing({ keyFile: join(dir, 'key'), createIfMissing: true });
    const lines = [
      { title: 'Chip maker unveils <b>faster</b> accelerator', webUrl: 'https://a.example/chip', topics: ['AI Hardware', 'AI'], text: 'Secret body about wafers.' },
      { title: 'Regulators publish draft rules for model audits', webUrl: 'https://b.example/rules', topics: ['AI Policy & Regulation', 'AI'], excerpt: 'Audits for large models.' },
    ];
    writeFileSync(join(dir, 'in.jsonl'), lines.map((l) => JSON.stringify(l)).join('\n'));
    await ingestPaths([join(dir, 'in.jsonl')], { store, ring, now: () => new Date(), maxInputBytes: 1e6 });
    app = createApp({ store });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the home page by topic, escaped, under a strict CSP', async () => {
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    const body = await res.text();
    expect(body).toContain('AI Hardware');
    expect(body).toContain('Chip maker unveils &lt;b&gt;faster&lt;/b&gt; accelerator');
    expect(body).not.toContain('<b>faster</b>');
  });

  it('searches from the page and the API, never leaking full text', async () => {
    const page = await (await app.request('/?q=audits')).text();
    expect(page).toContain('Regulators publish draft rules');
    const api = (await (await app.request('/api/v1/search?q=wafers')).json()) as { hits: Array<{ title: string }> };
    expect(api.hits.map((h) => h.title)).toEqual(['Chip maker unveils <b>faster</b> accelerator']);
    const list = await (await app.request('/api/v1/articles')).text();
    expect(list).not.toContain('Secret body');
  });

  it('lists by topic, returns 404 and 400 with catalogue codes', async () => {
    const byTopic = (await (await app.request('/api/v1/articles?topic=AI%20Hardware')).json()) as { articles: unknown[] };
    expect(byTopic.articles).toHaveLength(1);
    const missing = await app.request('/api/v1/articles/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
    const bad = await app.request('/api/v1/articles?limit=0');
    expect(bad.status).toBe(400);
  });
});
