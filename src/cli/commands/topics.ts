import { loadEnrichDeps } from '../../services/enrich-deps.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';

/** `heatwire topics`: the taxonomy's topics with their parents and how many stored articles carry each. */
export async function runTopics(global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  try {
    const counts = new Map((await ctx.store.listTopics()).map((t) => [t.name, t.count]));
    const { taxonomy } = loadEnrichDeps();
    const known = new Set<string>();
    for (const topic of taxonomy.topics) {
      known.add(topic.name);
      const row = { name: topic.name, slug: topic.def.slug, parent: topic.parent ?? null, kind: topic.def.kind, articles: counts.get(topic.name) ?? 0 };
      io.out(global.json ? `${JSON.stringify(row)}\n` : `${row.name.padEnd(28)} ${String(row.articles).padStart(6)}  ${row.parent ?? ''}\n`);
    }
    for (const [name, count] of counts) {
      if (known.has(name)) continue;
      const row = { name, slug: null, parent: null, kind: 'other', articles: count };
      io.out(global.json ? `${JSON.stringify(row)}\n` : `${name.padEnd(28)} ${String(count).padStart(6)}  (not in the taxonomy)\n`);
    }
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}
