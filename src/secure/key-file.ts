import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { HeatwireError } from '../core/errors.js';
import { KEY_BYTES, keyIdOf } from './key-ring.js';

/** One key of the key file. */
export const KeyEntrySchema = z.object({
  id: z.string().regex(/^[0-9a-f]{12}$/, 'id must be 12 lower-case hex characters'),
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'key must be 32 bytes of base64'),
  createdAt: z.string().min(1),
});

/** The key file: every key ever used here, so text encrypted before a rotation stays readable. */
export const KeyFileSchema = z.object({
  current: z.string(),
  keys: z.array(KeyEntrySchema).min(1),
});
export type KeyFile = z.infer<typeof KeyFileSchema>;

/** A key file read from disk, with its permission check. */
export interface KeyFileRead {
  file: KeyFile;
  keys: Buffer[];
  /** Permission bits (`stat.mode & 0o777`). */
  mode: number;
}

/** Reads and validates a key file; null when it does not exist; KEY_INVALID when it is broken. */
export async function readKeyFile(path: string): Promise<KeyFileRead | null> {
  let text: string;
  let mode: number;
  try {
    mode = (await stat(path)).mode & 0o777;
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new HeatwireError('KEY_MISSING', `cannot read key file ${path}`, { cause: err });
  }
  return { ...parseKeyFile(text, path), mode };
}

/** Validates key-file JSON: schema, key length, ids matching keys, current among them. */
export function parseKeyFile(text: string, path: string): { file: KeyFile; keys: Buffer[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new HeatwireError('KEY_INVALID', `key file ${path} is not valid JSON`, { cause: err });
  }
  const parsed = KeyFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HeatwireError('KEY_INVALID', `key file ${path}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const keys = parsed.data.keys.map((entry) => {
    const key = Buffer.from(entry.key, 'base64');
    // An id that does not match its key means the file was edited by hand or damaged.
    if (key.length !== KEY_BYTES || keyIdOf(key) !== entry.id) {
      throw new HeatwireError('KEY_INVALID', `key file ${path}: key ${entry.id} does not match its id`);
    }
    return key;
  });
  if (!parsed.data.keys.some((entry) => entry.id === parsed.data.current)) {
    throw new HeatwireError(
      'KEY_INVALID',
      `key file ${path}: current key ${parsed.data.current} is not listed`,
    );
  }
  return { file: parsed.data, keys };
}

/** Serialises a key file (stable, readable JSON). */
export function formatKeyFile(file: KeyFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Writes the key file atomically with mode 0600: a temporary file in the same directory,
 * fsync, then rename over the old one (rename(2) is atomic on POSIX), then fsync of the
 * directory so the rename itself survives a crash. With `exclusive`, an existing file is never
 * replaced (link(2) fails with EEXIST), so two first starts cannot create two different keys;
 * returns false in that case.
 */
export async function writeKeyFile(
  path: string,
  file: KeyFile,
  options: { exclusive: boolean },
): Promise<boolean> {
  const dir = dirname(path);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.chmod(0o600); // the umask can only remove bits; make the mode exact anyway
    await handle.writeFile(formatKeyFile(file), 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (options.exclusive) {
      try {
        await link(tmp, path);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw err;
      }
    } else {
      await rename(tmp, path);
    }
  } finally {
    await unlink(tmp).catch(() => undefined);
  }
  await syncDirectory(dir);
  return true;
}

async function syncDirectory(dir: string): Promise<void> {
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Some platforms (Windows) cannot open or fsync a directory; the rename is still atomic.
  }
}
