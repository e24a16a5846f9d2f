import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { createStoriesAfterStore } from '../../services/cluster-stored-batch.js';
import { listHotStories, mergeStoriesById, splitStoryById } from '../../services/stories.js';
import { SqliteStoriesRepository } from '../../store/sqlite/stories-repository.js';
import { openContext, type CommandContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';

const ListFlagsSchema = z.object({
  topic: z.string().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});

async function withRepo<T>(
  io: CliIo,
  global: GlobalOptions,
  work: (repo: SqliteStoriesRepository, ctx: CommandContext) => Promise<T>,
): Promise<T> {
  const ctx = await openContext(io, global);
  try {
    return await work(new SqliteStoriesRepository(ctx.store.database), ctx);
  } finally {
    await ctx.close();
  }
}

/**
 * `heatwire stories [--topic T] [--limit N]`: stories, hottest first. With `--json`, one line per
 * story: `{id, title, heat, articles [{id, webUrl}], sources, firstSeen, lastSeen}` (DESIGN.md §6)
 * plus `reasons` and `trend`.
 */
export async function runStories(flags: unknown, global: GlobalOptions, io: CliIo): Promise<number> {
  const parsed = ListFlagsSchema.safeParse(flags);
  if (!parsed.success)
    throw new HeatwireError(
      'USAGE',
      `stories: ${parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  const stories = await withRepo(io, global, (repo, ctx) =>
    listHotStories(repo, {
      now: new Date(),
      watched: ctx.config.watch,
      limit: parsed.data.limit,
      ...(parsed.data.topic ? { topic: parsed.data.topic } : {}),
    }),
  );
  for (const s of stories) {
    if (global.json) {
      io.out(`${JSON.stringify(s)}\n`);
      continue;
    }
    const heat = s.heat < 0 ? '   –' : s.heat.toFixed(0).padStart(4);
    io.out(
      `${heat}  ${s.lastSeen.slice(0, 10)}  ${String(s.articles.length).padStart(3)} art. ${String(s.sources.length).padStart(3)} src.  ${s.title}  [${s.id}]\n`,
    );
    if (s.heat >= 0) io.out(`      ${s.reasons.join('; ')}\n`);
  }
  if (!global.json && stories.length === 0) io.err('no stories yet: ingest some articles first\n');
  return EXIT.OK;
}

/** `heatwire stories merge A B`: one story from two; kept when later articles arrive. */
export async function runStoriesMerge(
  a: string,
  b: string,
  global: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const r = await withRepo(io, global, (repo) => mergeStoriesById(repo, a, b, new Date()));
  io.out(
    global.json
      ? `${JSON.stringify({ type: 'merge', ...r })}\n`
      : r.merged.length
        ? `merged ${r.merged.join(', ')} into ${r.storyId}\n`
        : `${a} and ${b} are already one story (${r.storyId})\n`,
  );
  return EXIT.OK;
}

/** `heatwire stories split STORY ARTICLE…`: the articles leave to a new story; never merged back automatically. */
export async function runStoriesSplit(
  storyId: string,
  articleIds: string[],
  global: GlobalOptions,
  io: CliIo,
): Promise<number> {
  const r = await withRepo(io, global, (repo) => splitStoryById(repo, storyId, articleIds, new Date()));
  io.out(
    global.json
      ? `${JSON.stringify({ type: 'split', ...r })}\n`
      : `split ${articleIds.length} article(s) from ${r.storyId} into ${r.newStoryId}\n`,
  );
  return EXIT.OK;
}

/** The stories `afterStore` hook for a command's store (ingest, serve's sample load and polling). */
export function createStoriesHook(
  ctx: Pick<CommandContext, 'store'>,
): ReturnType<typeof createStoriesAfterStore> {
  return createStoriesAfterStore(new SqliteStoriesRepository(ctx.store.database), () => new Date());
}
