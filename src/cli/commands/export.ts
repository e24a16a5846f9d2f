import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { loadCachedImageLookup } from '../../services/cache-images.js';
import { createStoryLookup } from '../../services/story-of-article.js';
import { exportArticles } from '../../services/export.js';
import { exportSourcesOpml } from '../../services/export-opml.js';
import { SqliteImageStore } from '../../store/sqlite/images-repository.js';
import { SqliteSourceStore } from '../../store/sqlite/sources-repository.js';
import { SqliteStoriesRepository } from '../../store/sqlite/stories-repository.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';

const ExportFlagsSchema = z.object({
  format: z.enum(['record', 'jsonl', 'opml']),
  out: z.string().min(1).optional(),
  withText: z.boolean().optional(),
  extended: z.boolean().optional(),
  related: z.enum(['record', 'computed']).optional(),
});

/** `heatwire export --format record|jsonl|opml [--out DIR] [--with-text] [--extended]` (opml: the sources). */
export async function runExport(flags: unknown, global: GlobalOptions, io: CliIo): Promise<number> {
  const parsed = ExportFlagsSchema.safeParse(flags);
  if (!parsed.success) {
    throw new HeatwireError('USAGE', `--format must be record, jsonl or opml (got ${JSON.stringify((flags as { format?: unknown }).format)})`);
  }
  const opts = parsed.data;
  const ctx = await openContext(io, global);
  if (opts.format === 'opml') {
    try {
      const done = await exportSourcesOpml(new SqliteSourceStore(ctx.store.database), { out: opts.out, write: io.out, now: new Date() });
      if (opts.out) io.out(global.json ? `${JSON.stringify({ type: 'summary', exported: done.exported, out: opts.out })}\n` : `exported ${done.exported} source(s) to ${done.files[0]}\n`);
      return EXIT.OK;
    } finally {
      await ctx.close();
    }
  }
  const progress = createProgress(io, Boolean(opts.out) && !global.json, 'articles');
  const stories = new SqliteStoriesRepository(ctx.store.database);
  try {
    const summary = await exportArticles(ctx.store, {
      ...opts,
      format: opts.format,
      ring: ctx.ring,
      write: io.out,
      ...(opts.related === 'computed' ? { computedRelated: (id: string) => stories.computedRelated(id) } : {}),
      storyOf: createStoryLookup(stories),
      // Cached lead images are exported with isCached: true (and, extended, Heatwire's URL).
      cachedImage: await loadCachedImageLookup(new SqliteImageStore(ctx.store.database)),
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    if (opts.out) {
      const line = global.json
        ? JSON.stringify({ type: 'summary', exported: summary.exported, out: opts.out, failed: summary.failed })
        : `exported ${summary.exported} article(s) to ${opts.out}`;
      io.out(`${line}\n`);
    }
    for (const f of summary.failed) io.err(`failed: ${f.input}: ${f.code} ${f.reason}\n`);
    return summary.failed.length ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    progress.stop();
    await ctx.close();
  }
}
