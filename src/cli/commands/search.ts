import { HeatwireError } from '../../core/errors.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';

/** `heatwire search QUERY [--limit N]`: full-text search, best first. */
export async function runSearch(query: string, flags: { limit?: string }, global: GlobalOptions, io: CliIo): Promise<number> {
  const limit = flags.limit === undefined ? 20 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new HeatwireError('USAGE', `--limit must be a whole number from 1 to 1000 (got ${flags.limit})`);
  }
  const ctx = await openContext(io, global);
  try {
    const hits = await ctx.store.search(query, { limit });
    for (const hit of hits) {
      io.out(
        global.json
          ? `${JSON.stringify(hit)}\n`
          : `${hit.id}  ${hit.publishedAt?.slice(0, 10) ?? '          '}  ${hit.title}${hit.providerName ? ` — ${hit.providerName}` : ''}\n`,
      );
    }
    if (!global.json && hits.length === 0) io.err(`no match for ${JSON.stringify(query)}\n`);
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}
