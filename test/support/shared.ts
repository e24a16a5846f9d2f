import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** `../shared` beside the checkout (CI puts it there), or HEATWIRE_SHARED. */
export const SHARED_DIR = resolve(process.env.HEATWIRE_SHARED ?? join(here, '..', '..', '..', 'shared'));

/**
 * Whether tests that read `../shared` can run. When it is missing they skip with a clear
 * message — except under CI=true, where a missing `../shared` is a failure, not a skip.
 */
export function sharedAvailable(sub = ''): boolean {
  const dir = join(SHARED_DIR, sub);
  if (existsSync(dir)) return true;
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but ${dir} is missing: CI must check out ../shared beside the repo`);
  }
  console.warn(`[skip] ${dir} is missing: tests that read ../shared are skipped`);
  return false;
}

/** Path inside `../shared`. */
export function sharedPath(...parts: string[]): string {
  return join(SHARED_DIR, ...parts);
}
