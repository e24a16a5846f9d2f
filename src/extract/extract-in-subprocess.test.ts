import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HeatwireError } from '../core/errors.js';
import { extractArticle } from './extract-article.js';
import { createExtractWorker, extractInSubprocess } from './extract-in-subprocess.js';

const page = readFileSync(join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'extract', 'news-jsonld.html'), 'utf8');
const url = 'https://coastal-ledger.example/news/2024/03/05/tidal-battery-pilot';

describe('extraction in a worker thread', () => {
  const worker = createExtractWorker({ memoryMb: 256, timeoutMs: 20_000 });
  afterAll(() => worker.close());

  it('returns the same article as in-process extraction', async () => {
    const inWorker = await worker.extract(page, { url });
    expect(inWorker).toEqual(extractArticle(page, { url }));
  });

  it('carries catalogue errors back with their code', async () => {
    await expect(worker.extract('   ', { url })).rejects.toMatchObject({ code: 'INPUT_EMPTY', input: url });
    await expect(worker.extract(page, { url, maxBytes: 10, oversize: 'refuse' })).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });

  it('keeps working for the next page after a failure', async () => {
    await expect(worker.extract('\u0000\u0001binary', { url })).rejects.toBeInstanceOf(HeatwireError);
    await expect(worker.extract(page, { url })).resolves.toMatchObject({ title: 'Harbour city approves tidal battery pilot' });
  });

  it('kills a worker that exceeds its heap cap and fails only that page', async () => {
    const small = createExtractWorker({ memoryMb: 48, timeoutMs: 120_000 });
    try {
      // 12 MB of paragraphs (the size cap lifted): the DOM and text copies need well over 48 MB.
      const huge = `<article>${'<p>' + 'many words in a paragraph, '.repeat(40) + '</p>'}</article>`.repeat(11_000);
      await expect(small.extract(huge, { timeBudgetMs: 120_000, maxBytes: 64 * 1024 * 1024 })).rejects.toMatchObject({
        code: 'EXTRACT_FAILED',
        message: expect.stringContaining('more than 48 MB'),
      });
      // A new worker is spawned for the next page.
      await expect(small.extract(page, { url })).resolves.toMatchObject({ siteName: 'The Coastal Ledger' });
    } finally {
      await small.close();
    }
  });

  it('kills a worker that does not answer in time', async () => {
    const impatient = createExtractWorker({ memoryMb: 256, timeoutMs: 1 });
    try {
      await impatient.extract(page, { url }).catch(() => undefined); // warm-up (startup has a grace period)
      const slow = `<article>${'<p>' + 'many words in a paragraph, '.repeat(40) + '</p>'}</article>`.repeat(2000);
      await expect(impatient.extract(slow, { timeBudgetMs: 60_000 })).rejects.toMatchObject({ code: 'EXTRACT_FAILED' });
    } finally {
      await impatient.close();
    }
  });

  it('offers a one-shot helper', async () => {
    await expect(extractInSubprocess(page, { url })).resolves.toMatchObject({ authors: ['Mara Olsen', 'Tomasz Wren'] });
  });
});
