import { parseFeed } from '../../ingest/feeds/index.js';
import type { GlobalOptions } from '../context.js';
import type { CliIo } from '../io.js';
import { inspectInputs, str } from './inspect-inputs.js';

/** `heatwire feed FILE|URL… --json`: feed parsing only, no store (DESIGN.md §6). */
export function runFeed(inputs: string[], global: GlobalOptions, io: CliIo): Promise<number> {
  return inspectInputs(
    inputs,
    io,
    global.json === true,
    ({ bytes, url, contentType }) => {
      const f = parseFeed(bytes, { url, contentType, now: new Date() });
      return { ...f };
    },
    (r) =>
      `${str(r.input)}: ${str(r.format)} "${str(r.title)}", ${(r.items as unknown[]).length} items` +
      `${(r.warnings as string[]).map((w) => `\n  warning: ${w}`).join('')}\n`,
  );
}
