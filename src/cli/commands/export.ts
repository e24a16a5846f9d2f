import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { exportArticles } from '../../services/export.js';
import { exportSourcesOpml } from '../../services/export-opml.js';
import { SqliteSourceStore } from '../../store/sqlite/sources-repository.js';
import { SqliteStoriesRepository } from '../../store/sqlite/stories-repository.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';

const ExportFlagsSchema = z.object({
  format: z.enum(['record', 'jsonl']),
  out: z.string().min(1).optional(),
  withText: z.boolean().optional(),
  extended: z.boolean().optional(),
  related: z.enum(['record', 'computed']).optional(),
});

/** `heatwire export --format record|jsonl [--out DIR] [--with-text] [--extended]`. */
export async function runExport(flags: unknown, global: GlobalOptions, io: CliIo): Promise<number> {
  const parsed = ExportFlagsSchema.safeParse(flags);
  if (!parsed.success) {
    throw new HeatwireError('USAGE', `--format must be record or jsonl (got ${JSON.stringify((flags as { format?: unknown }).format)})`);
  }
  const opts = parsed.data;
  const ctx = await openContext(io, global);
  const progress = createProgress(io, Boolean(opts.out) && !global.json, 'articles');
  try {
    const summary = await exportArticles(ctx.store, {
      ...opts,
      ring: ctx.ring,
      write: io.out,
      onProgress: (done, total) => progress.update(done, total),
    });
    progress.stop();
    if (opts.out) {
  const stories = new SqliteStoriesRepository(ctx.store.database);
      const line = global.json
        ? JSON.stringify({ type: 'summary', exported: summary.exported, out: opts.out, failed: summary.failed })
        : `exported ${summary.exported} article(s) to ${opts.out}`;
      io.out(`${line}\n`);
    }
    for (const f of summary.failed) io.err(`failed: ${f.input}: ${f.code} ${f.reason}\n`);
      ...(opts.related === 'computed' ? { computedRelated: (id: string) => stories.computedRelated(id) } : {}),
    return summary.failed.length ? EXIT.SOME_FAILED : EXIT.OK;
  } finally {
    progress.stop();
    await ctx.close();
  }
}
