import { z } from 'zod';
import { enrichArticle } from '../../enrich/enrich-article.js';
import { enrichPathsOf, loadEnrichDeps } from '../../services/enrich-deps.js';
import { reprocessArticles, type ReprocessFilters } from '../../services/reprocess.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'expected a date like 2024-05-01 or 2024-05-01T08:00:00Z');
const FlagsSchema = z.object({
  topic: z.string().min(1).optional(),
  provider: z.string().min(1).optional(),
  since: DateSchema.optional(),
  until: DateSchema.optional(),
  limit: z.coerce.number().int().positive().optional(),
});

/** `heatwire reprocess [--topic T] [--provider P] [--since D] [--until D] [--limit N]`. */
export async function runReprocess(flags: Record<string, unknown>, global: GlobalOptions, io: CliIo): Promise<number> {
  const filters: ReprocessFilters = FlagsSchema.parse(flags);
  const ctx = await openContext(io, global);
  const progress = createProgress(io, !global.json, 'articles');
  try {
    const deps = loadEnrichDeps(enrichPathsOf(ctx.config));
    const summary = await reprocessArticles(filters, {
      store: ctx.store,
      ring: ctx.ring,
      enrich: (input) => enrichArticle(input, deps),
      taxonomy: deps.taxonomy,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    if (global.json) {
      io.out(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
    } else {
      io.out(
        `reprocessed ${summary.reprocessed} of ${summary.scanned} matching article(s): ${summary.changed} topic list(s) changed, ` +
          `${summary.skipped} skipped (nested records never enriched), ${summary.failed.length} failed\n`,
      );
      for (const f of summary.failed) io.err(`failed: ${f.id}: ${f.code} ${f.reason}\n`);
    }
    return summary.failed.length ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    progress.stop();
    await ctx.close();
  }
}
