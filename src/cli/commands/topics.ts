import { correctTopics, parseTopicEdit } from '../../services/correct-topics.js';
import { enrichPathsOf, loadEnrichDeps } from '../../services/enrich-deps.js';
import { trainTopics } from '../../services/train-topics.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';

/** `heatwire topics`: the taxonomy's topics with their parents and how many stored articles carry each. */
export async function runTopics(global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  try {
    const counts = new Map((await ctx.store.listTopics()).map((t) => [t.name, t.count]));
    const { taxonomy, model } = loadEnrichDeps(enrichPathsOf(ctx.config));
    const known = new Set<string>();
    for (const topic of taxonomy.topics) {
      known.add(topic.name);
      const row = { name: topic.name, slug: topic.def.slug, parent: topic.parent ?? null, kind: topic.def.kind, articles: counts.get(topic.name) ?? 0 };
      io.out(global.json ? `${JSON.stringify(row)}\n` : `${row.name.padEnd(28)} ${String(row.articles).padStart(6)}  ${row.parent ?? ''}\n`);
    }
    for (const [name, t] of Object.entries(model?.topics ?? {})) {
      if (!t.learned || known.has(name)) continue;
      known.add(name);
      const row = { name, slug: null, parent: t.parent ?? null, kind: 'learned', articles: counts.get(name) ?? 0 };
      io.out(global.json ? `${JSON.stringify(row)}\n` : `${name.padEnd(28)} ${String(row.articles).padStart(6)}  ${row.parent ?? ''} (learned)\n`);
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

/** `heatwire topics set ID +Topic -Topic…`: an editor's correction, applied at once and kept. */
export async function runTopicsSet(id: string, changes: string[], global: GlobalOptions, io: CliIo): Promise<number> {
  const edit = parseTopicEdit(changes);
  const ctx = await openContext(io, global);
  try {
    const { taxonomy } = loadEnrichDeps(enrichPathsOf(ctx.config));
    const result = await correctTopics(id, edit, {
      store: ctx.store,
      ring: ctx.ring,
      taxonomy,
      modelFile: ctx.config.topicModelFile,
      now: () => new Date(),
    });
    io.out(
      global.json
        ? `${JSON.stringify({ type: 'topics', ...result })}\n`
        : `${result.id}: ${result.before.join(', ') || '(none)'} → ${result.after.join(', ') || '(none)'}\n`,
    );
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}

/** `heatwire topics train [FILE.jsonl…]`: learn from labeled files and pending editor corrections. */
export async function runTopicsTrain(files: string[], global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  try {
    // The taxonomy only: training reads the model file itself (model '' = do not load one here).
    const { taxonomy } = loadEnrichDeps({ ...enrichPathsOf(ctx.config), model: '' });
    const summary = await trainTopics(files, {
      store: ctx.store,
      ring: ctx.ring,
      taxonomy,
      modelFile: ctx.config.topicModelFile,
      now: () => new Date(),
    });
    if (global.json) {
      io.out(`${JSON.stringify({ type: 'summary', ...summary })}\n`);
    } else if (summary.examples + summary.corrections === 0) {
      io.out('nothing to learn: no examples given and no pending editor corrections\n');
    } else {
      io.out(
        `trained on ${summary.examples} example(s) and ${summary.corrections} editor correction(s); ` +
          `the model scores ${summary.topics.length} topic(s)` +
          (summary.learned.length ? `, learned: ${summary.learned.join(', ')}` : '') +
          `\nmodel written to ${summary.modelFile}; run \`heatwire reprocess\` to apply it to stored articles\n`,
      );
    }
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}
