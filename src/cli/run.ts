import { Command, CommanderError, Option } from 'commander';
import { ZodError } from 'zod';
import { HeatwireError, toHeatwireError } from '../core/errors.js';
import type { GlobalOptions } from './context.js';
import { EXIT, type CliIo } from './io.js';

/**
 * Command modules are imported when their command runs, not at start-up: enrichment alone loads
 * compromise and ELD's n-gram data (~0.5 s, ~100 MB), which `heatwire search` or `show` never need.
 *
 * Runs the `heatwire` command line (DESIGN.md §6) and resolves to its exit code: 0 success,
 * 1 some inputs failed (the others were processed), 2 usage error.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let code: number = EXIT.OK;
  const program = new Command('heatwire')
    .description('Heatwire: a self-hosted news-intelligence desk')
    .option('--db <path>', 'SQLite file (default ./data/heatwire.db, or HEATWIRE_DB)')
    .option('--json', 'machine-readable output, one JSON object per line')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError();
  const global = (): GlobalOptions => program.opts<GlobalOptions>();

  program
    .command('ingest')
    .description('store records, JSON/JSONL, plain text; folders recursively')
    .argument('<paths...>', 'files or folders')
    .action(async (paths: string[]) => {
      code = await (await import('./commands/ingest.js')).runIngest(paths, global(), io);
    });
  program
    .command('extract')
    .description('extract articles from HTML files or URLs (no store); one JSON line per input')
    .argument('<inputs...>', 'files or URLs')
    .action(async (inputs: string[]) => {
      code = await (await import('./commands/extract.js')).runExtract(inputs, global(), io);
    });
  program
    .command('feed')
    .description('parse RSS/Atom/JSON feeds from files or URLs (no store); one JSON line per input')
    .argument('<inputs...>', 'files or URLs')
    .action(async (inputs: string[]) => {
      code = await (await import('./commands/feed.js')).runFeed(inputs, global(), io);
    });
  program
    .command('analyze')
    .description('extract and enrich files or URLs (no store): topics, entities, moves, quality, summary')
    .argument('<inputs...>', 'files or URLs')
    .action(async (inputs: string[]) => {
      code = await (await import('./commands/analyze.js')).runAnalyze(inputs, global(), io);
    });
  program
    .command('people')
    .description("people with their roles and moves, merged across articles")
    .option('--org <organization>', 'only people with a role or move at this organisation')
    .action(async (flags: { org?: string }) => {
      code = await (await import('./commands/people.js')).runPeople(flags, global(), io);
    });
  const topics = program
    .command('topics')
    .description('the taxonomy topics and how many stored articles carry each; set, train')
    .action(async () => {
      code = await (await import('./commands/topics.js')).runTopics(global(), io);
    });
  topics
    .command('set')
    .description("an editor's correction of one article's topics: +Topic adds, -Topic removes (kept, and learned at the next train)")
    .argument('<id>', 'article id')
    .argument('<changes...>', '+Topic or -Topic (put -- before the first -Topic)')
    .allowUnknownOption()
    .action(async (id: string, changes: string[]) => {
      code = await (await import('./commands/topics.js')).runTopicsSet(id, changes, global(), io);
    });
  topics
    .command('train')
    .description('train the topic model on labeled JSONL files ({title?, text, topics}) and pending editor corrections')
    .argument('[files...]', 'JSONL training files')
    .action(async (files: string[]) => {
      code = await (await import('./commands/topics.js')).runTopicsTrain(files, global(), io);
    });
  program
    .command('reprocess')
    .description('run enrichment again on stored articles (after the taxonomy or the topic model changed)')
    .option('--topic <topic>', 'only articles carrying this topic')
    .option('--provider <name>', 'only articles from this provider (name or domain)')
    .option('--since <date>', 'only articles published at or after this date')
    .option('--until <date>', 'only articles published before this date')
    .option('--limit <n>', 'at most this many articles')
    .action(async (flags: Record<string, unknown>) => {
      code = await (await import('./commands/reprocess.js')).runReprocess(flags, global(), io);
    });
  program
    .command('export')
    .description('write stored articles back out')
    .addOption(new Option('--format <format>', 'output format').choices(['record', 'jsonl', 'opml']).makeOptionMandatory())
    .option('--out <dir>', 'folder to write into (default: standard output)')
    .option('--with-text', 'include the decrypted full text (body, or `text` in JSONL)')
    .option('--extended', "add Heatwire's own fields under `heatwire`")
    .addOption(new Option('--related <origin>', "related lists: the record's own (default) or Heatwire's computed ones").choices(['record', 'computed']))
    .action(async (flags) => {
      code = await (await import('./commands/export.js')).runExport(flags, global(), io);
    });
  const stories = program
    .command('stories')
    .description('stories, hottest first (merge/split: editor decisions, kept on later arrivals)')
    .option('--topic <topic>', 'only stories with an article on this topic')
    .option('--limit <n>', 'how many stories (default 50)')
    .action(async (flags: unknown) => {
      code = await (await import('./commands/stories.js')).runStories(flags, global(), io);
    });
  stories
    .command('merge')
    .description('make two stories one (the older id survives)')
    .argument('<a>', 'story id')
    .argument('<b>', 'story id')
    .action(async (a: string, b: string) => {
      code = await (await import('./commands/stories.js')).runStoriesMerge(a, b, global(), io);
    });
  stories
    .command('split')
    .description('move articles out of a story into a new one')
    .argument('<story>', 'story id')
    .argument('<articles...>', 'article ids to move')
    .action(async (story: string, articles: string[]) => {
      code = await (await import('./commands/stories.js')).runStoriesSplit(story, articles, global(), io);
    });
  program
    .command('timeline')
    .description('dated stories about one topic, organisation or person')
    .option('--topic <topic>', 'a topic')
    .option('--org <organization>', 'an organisation')
    .option('--person <person>', 'a person')
    .option('--from <date>', 'from this date (ISO 8601)')
    .option('--to <date>', 'up to this date (ISO 8601)')
    .option('--limit <n>', 'at most this many stories')
    .option('--oldest', 'oldest first (default newest first)')
    .action(async (flags: unknown) => {
      code = await (await import('./commands/timeline.js')).runTimeline(flags, global(), io);
    });
  program
    .command('search')
    .description('full-text search over title, excerpt and text')
    .argument('<query...>', 'words to look for')
    .option('--limit <n>', 'how many results (default 20)')
    .action(async (words: string[], flags: { limit?: string }) => {
      code = await (await import('./commands/search.js')).runSearch(words.join(' '), flags, global(), io);
    });
  program
    .command('show')
    .description('one stored article by id (or URL)')
    .argument('<id>', 'article id or URL')
    .option('--with-text', 'include the decrypted full text')
    .action(async (id: string, flags: { withText?: boolean }) => {
      code = await (await import('./commands/show.js')).runShow(id, flags, global(), io);
    });
  program
    .command('images')
    .description('lead images: fetch, check and cache them so pages never load third-party URLs')
    .command('fetch')
    .description('cache the lead images of stored articles that lack one (newest first)')
    .option('--limit <n>', 'at most this many articles')
    .option('--max-bytes <n>', 'largest image accepted, in bytes (default 5 MB)')
    .option('--max-pixels <n>', 'largest width × height accepted (default 40 million)')
    .option('--concurrency <n>', 'images fetched at once (default 4; each host stays polite)')
    .action(async (flags: Record<string, string>) => {
      code = await (await import('./commands/images.js')).runImagesFetch(flags, global(), io);
    });
  const keys = program.command('keys').description('encryption keys');
  keys
    .command('rotate')
    .description('add a new key and re-encrypt every stored text under it')
    .action(async () => {
      code = await (await import('./commands/keys.js')).runKeysRotate(global(), io);
    });
  keys
    .command('reencrypt')
    .description('re-encrypt every stored text under the current key (after changing HEATWIRE_SECRET_KEY)')
    .action(async () => {
      code = await (await import('./commands/keys.js')).runKeysReencrypt(global(), io);
    });
  program
    .command('serve')
    .description('web UI and API on http://HOST:PORT')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port (default 8080)')
    .option('--no-sample', 'do not load the bundled sample corpus into an empty store')
    .option('--no-poll', 'do not run the source polling scheduler')
    .action(async (flags: { host?: string; port?: string; sample?: boolean; poll?: boolean }) => {
      code = await (await import('./commands/serve.js')).runServe(flags, global(), io);
    });
  const sources = program.command('sources').description('the feeds Heatwire follows (docs/sources.md)');
  sources
    .command('add')
    .description('follow a feed (or the feed a page announces)')
    .argument('<url>', 'feed or page URL')
    .option('--tag <tag>', 'a tag (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .addOption(new Option('--full-text <mode>', "fetch items' pages").choices(['auto', 'always', 'never']))
    .option('--min-poll <minutes>', 'shortest delay between polls (default 15)')
    .option('--max-poll <minutes>', 'longest delay between polls of a quiet feed (default 1440)')
    .action(async (url: string, flags: unknown) => {
      code = await (await import('./commands/sources.js')).runSourcesAdd(url, flags, global(), io);
    });
  sources
    .command('list')
    .description('every source with its error count, last error and next check')
    .action(async () => {
      code = await (await import('./commands/sources.js')).runSourcesList(global(), io);
    });
  sources
    .command('remove')
    .description('stop following a source (its articles stay)')
    .argument('<source>', 'source id or feed URL')
    .action(async (ref: string) => {
      code = await (await import('./commands/sources.js')).runSourcesRemove(ref, global(), io);
    });
  sources
    .command('check')
    .description('poll sources now (all without arguments)')
    .argument('[sources...]', 'source ids or feed URLs')
    .action(async (refs: string[]) => {
      code = await (await import('./commands/sources.js')).runSourcesCheck(refs, global(), io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
    return code;
  } catch (err) {
    return reportError(err, io, program.opts<GlobalOptions>().json === true);
  }
}

function reportError(err: unknown, io: CliIo, json: boolean): number {
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.exitCode === 0) return EXIT.OK;
    return EXIT.USAGE;
  }
  const e = err instanceof ZodError ? new HeatwireError('USAGE', err.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')) : toHeatwireError(err);
  io.err(json ? `${JSON.stringify({ type: 'error', code: e.code, message: e.message, input: e.input })}\n` : `heatwire: ${e.describe()}\n`);
  if (e.code === 'USAGE') return EXIT.USAGE;
  if (e.code === 'INTERNAL' && process.env.HEATWIRE_DEBUG) io.err(`${String((err as Error).stack)}\n`);
  return EXIT.SOME_FAILED;
}
