import { z } from 'zod';

/**
 * The file formats of the public extraction devsets (../shared/devsets, README there), read by
 * the guard test (devsets.test.ts) and by `npm run bench:extract`.
 */

/** trafilatura-en `cases.json`: per page, snippets that must and must not be in the text. */
export const DevsetCasesSchema = z.record(
  z.string(),
  z.object({ file: z.string(), with: z.array(z.string()), without: z.array(z.string()) }),
);

/** readability-pages `expected-metadata.json` (Readability's own metadata for the page). */
export const ExpectedMetadataSchema = z.looseObject({
  title: z.string().nullable().optional(),
  byline: z.string().nullable().optional(),
  excerpt: z.string().nullable().optional(),
  siteName: z.string().nullable().optional(),
  publishedTime: z.string().nullable().optional(),
});
