import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeOpml } from '../ingest/feeds/index.js';
import type { SourceStore } from '../store/sources.js';

/** Options of exportSourcesOpml. */
export interface ExportOpmlOptions {
  /** Folder to write `sources.opml` into; without it the document goes to `write`. */
  out?: string;
  write?: (chunk: string) => void;
  now: Date;
}

/**
 * `heatwire export --format opml`: every source as an OPML 2.0 subscription list (writeOpml):
 * each feed inside a folder named after its first tag, all its tags in `category`, so that
 * `heatwire ingest sources.opml` on another desk subscribes the same feeds with the same tags.
 */
export async function exportSourcesOpml(
  sources: SourceStore,
  options: ExportOpmlOptions,
): Promise<{ exported: number; files: string[] }> {
  const list = await sources.listSources();
  const xml = writeOpml(
    list.map((s) => ({
      xmlUrl: s.feedUrl,
      ...(s.siteUrl ? { htmlUrl: s.siteUrl } : {}),
      ...(s.title ? { title: s.title } : {}),
      tags: s.settings.tags,
    })),
    { now: options.now },
  );
  if (!options.out) {
    options.write?.(xml);
    return { exported: list.length, files: [] };
  }
  await mkdir(options.out, { recursive: true });
  const path = join(options.out, 'sources.opml');
  // Write then rename: a reader never sees half a file.
  await writeFile(`${path}.partial`, xml);
  await rename(`${path}.partial`, path);
  return { exported: list.length, files: [path] };
}
