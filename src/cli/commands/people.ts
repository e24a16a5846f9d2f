import { listPeople } from '../../services/people.js';
import { openContext, type GlobalOptions } from '../context.js';
import { EXIT, type CliIo } from '../io.js';

/** `heatwire people [--org O]`: people with their roles and moves, merged across articles. */
export async function runPeople(flags: { org?: string }, global: GlobalOptions, io: CliIo): Promise<number> {
  const ctx = await openContext(io, global);
  try {
    const people = await listPeople(ctx.store, ctx.ring, flags.org);
    for (const p of people) {
      if (global.json) {
        io.out(`${JSON.stringify(p)}\n`);
        continue;
      }
      const roles = p.roles.map((r) => `${r.title}${r.organization ? `, ${r.organization}` : ''}${r.to ? ` (until ${r.to.slice(0, 10)})` : ''}`);
      io.out(`${p.name}${p.organization ? ` — ${p.organization}` : ''}${roles.length ? `\n  roles: ${roles.join('; ')}` : ''}\n`);
      for (const m of p.moves) {
        io.out(`  ${m.date?.slice(0, 10) ?? '          '} ${m.change}${m.role ? ` ${m.role}` : ''}${m.status !== 'confirmed' ? ` [${m.status}]` : ''} (${m.sources.length} source${m.sources.length === 1 ? '' : 's'})\n`);
      }
    }
    if (!global.json && people.length === 0) io.err('no people found\n');
    return EXIT.OK;
  } finally {
    await ctx.close();
  }
}
