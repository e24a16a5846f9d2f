import { createEnricher, enrichPathsOf } from '../../services/enrich-deps.js';
import { ingestPaths, type IngestSummary } from '../../services/ingest.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';
import { createProgress } from '../progress.js';
import { createWebIngestDeps } from './sources.js';
import { composeAfterStore } from '../../services/compose-after-store.js';
import { createStoriesHook } from './stories.js';
import { createImagesHook } from './images.js';

/** `heatwire ingest PATH…`: store files and folders; a summary of new/updated/duplicate/failed. */
export async function runIngest(
  paths: string[],
  global: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const ctx = await openContext(io, global);
  const web = createWebIngestDeps(ctx);
  const progress = createProgress(io, !global.json, 'files');
  let summary: IngestSummary;
  try {
    summary = await ingestPaths(paths, {
      store: ctx.store,
      ring: ctx.ring,
      now: () => new Date(),
      enrich: createEnricher(enrichPathsOf(ctx.config)),
      maxInputBytes: ctx.config.maxInputBytes,
      web,
      // Post-store hooks (stories: dedup, clustering, heat, related); add others to the list.
      // Lead images only for fetched articles (bare URLs); files wait for `images fetch`.
      afterStore: composeAfterStore(createStoriesHook(ctx), createImagesHook(ctx, web.fetcher)),
      onProgress: (p) =>
        p.filesTotal === 1
          ? progress.update(p.items, Math.max(p.items, 1), `${p.items} items`)
          : progress.update(p.filesDone, p.filesTotal, p.current),
    });
  } finally {
    progress.stop();
    await web.close();
    await ctx.close();
  }
  if (global.json) {
    io.out(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
  } else {
    io.out(
      `ingested ${summary.files} file(s): ${summary.new} new, ${summary.updated} updated, ` +
        `${summary.duplicate} duplicate, ${summary.failed.length} failed` +
        (summary.related ? ` (+${summary.related} related records stored)` : '') +
        (summary.sources ? `; sources: ${summary.sources.added} added, ${summary.sources.duplicate} already followed` : '') +
        '\n',
    );
    for (const f of summary.failed) {
      io.err(`failed: ${f.input}${f.line ? `:${f.line}` : ''}: ${f.code} ${f.reason}\n`);
    }
  }
  return summary.failed.length ? EXIT.SOME_FAILED : EXIT.OK;
}
