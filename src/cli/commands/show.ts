import { HeatwireError } from '../../core/errors.js';
import { writeRecordDocument } from '../../ingest/records/index.js';
import { loadCachedImageLookup } from '../../services/cache-images.js';
import { presentRecord } from '../../services/present-record.js';
import { SqliteImageStore } from '../../store/sqlite/images-repository.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';

import { createStoryLookup, withStory } from '../../services/story-of-article.js';
import { SqliteStoriesRepository } from '../../store/sqlite/stories-repository.js';

/** `heatwire show ID [--with-text]`: one stored article, as a record document or JSON. */
export async function runShow(id: string, flags: { withText?: boolean }, global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  try {
    const row = (await ctx.store.getArticle(id)) ?? (await lookupByUrl(ctx.store, id));
    if (!row) throw new HeatwireError('NOT_FOUND', `no article with id or URL ${id}`, { input: id });
    // Only this record's image URLs are looked up: cached ones show isCached and Heatwire's URL.
    const imageUrls = (row.record.images ?? []).map((i) => i.url);
    const cachedImage = await loadCachedImageLookup(new SqliteImageStore(ctx.store.database), imageUrls);
    const p = presentRecord(row, { withText: flags.withText, extended: true, ring: ctx.ring, cachedImage });
    p.record = withStory(p.record, await createStoryLookup(new SqliteStoriesRepository(ctx.store.database))(row.id));
    if (global.json) {
      io.out(`${JSON.stringify({ id: p.id, record: p.record, ...(p.text !== undefined ? { text: p.text } : {}), ...(p.textError ? { textError: p.textError.code } : {}) })}\n`);
    } else {
      io.out(writeRecordDocument(p.record, p.text));
      if (p.textError) io.err(`text not shown: ${p.textError.code} ${p.textError.message}\n`);
    }
    return p.textError && p.textError.code === 'SECURED_TAMPERED' ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    await ctx.close();
  }
}

async function lookupByUrl(store: import('../../store/store.js').Store, value: string) {
  if (!/^https?:\/\//i.test(value)) return null;
  const { canonicalizeUrl } = await import('../../normalise/index.js');
  const id = await store.findIdByUrl(canonicalizeUrl(value) ?? value);
  return id ? store.getArticle(id) : null;
}
