import { z } from 'zod';
import { HeatwireError } from '../../core/errors.js';
import { buildStoryTimeline } from '../../services/stories.js';
import { SqliteStoriesRepository } from '../../store/sqlite/stories-repository.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';

const TimelineFlagsSchema = z
  .object({
    topic: z.string().min(1).optional(),
    org: z.string().min(1).optional(),
    person: z.string().min(1).optional(),
    from: z.string().min(1).optional(),
    to: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).optional(),
    oldest: z.boolean().optional(),
  })
  .refine((f) => [f.topic, f.org, f.person].filter((v) => v !== undefined).length === 1, {
    message: 'give exactly one of --topic, --org, --person',
  });

/**
 * `heatwire timeline --topic T | --org O | --person P [--from D] [--to D] [--limit N] [--oldest]`:
 * dated stories, grouped by UTC day, newest first. With `--json`, one line per story:
 * `{date, storyId, title, heat, topics, orgs, people, entries}`.
 */
export async function runTimeline(flags: unknown, global: GlobalOptions, io: CliIo): Promise<number> {
  const parsed = TimelineFlagsSchema.safeParse(flags);
  if (!parsed.success)
    throw new HeatwireError('USAGE', `timeline: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  const f = parsed.data;
  const ctx = await openContext(io, global);
  try {
    const days = await buildStoryTimeline(
      new SqliteStoriesRepository(ctx.store.database),
      {
        ...(f.topic ? { topic: f.topic } : {}),
        ...(f.org ? { org: f.org } : {}),
        ...(f.person ? { person: f.person } : {}),
      },
      {
        ...(f.from ? { from: f.from } : {}),
        ...(f.to ? { to: f.to } : {}),
        ...(f.limit ? { limit: f.limit } : {}),
        order: f.oldest ? 'oldest' : 'newest',
      },
    );
    for (const day of days) {
      if (!global.json) io.out(`${day.date}\n`);
      for (const s of day.stories) {
        if (global.json)
          io.out(
            `${JSON.stringify({ date: s.date, storyId: s.storyId, title: s.title, heat: s.heat, topics: s.topics, orgs: s.orgs, people: s.people, entries: s.entries })}\n`,
          );
        else io.out(`  ${s.title}  (${s.entries} article${s.entries === 1 ? '' : 's'}) [${s.storyId}]\n`);
      }
    }
    if (!global.json && days.length === 0) io.err('no stories on this timeline\n');
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}
