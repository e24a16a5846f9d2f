import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { imageFileName, parseImageFileName } from './image-file-name.js';

/** Where image bytes live: content-addressed files `<dir>/<sha256>.<ext>`. */
export interface ImageFiles {
  /** The folder (`<dataDir>/images`). */
  readonly dir: string;
  /** Writes the bytes under their name atomically; a file already there is kept (same content). */
  write(sha256: string, ext: string, bytes: Uint8Array): Promise<void>;
  /** The bytes of a valid name, or null when the name is invalid or no such file exists. */
  read(name: string): Promise<Buffer | null>;
  /** True when the file for this name exists. */
  has(sha256: string, ext: string): Promise<boolean>;
}

/**
 * Image files on the local disk. Writes go to a temp file in the same folder, then rename(2),
 * which POSIX makes atomic within one file system: a reader sees the whole image or none.
 */
export function createImageFiles(dir: string): ImageFiles {
  let made: Promise<unknown> | null = null;
  const files: ImageFiles = {
    dir,
    async write(sha256, ext, bytes) {
      const name = imageFileName(sha256, ext);
      made ??= mkdir(dir, { recursive: true });
      await made;
      if (await files.has(sha256, ext)) return;
      const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await writeFile(temp, bytes, { flag: 'wx', mode: 0o644 });
        await rename(temp, join(dir, name));
      } catch (err) {
        await rm(temp, { force: true });
        throw err;
      }
    },
    async read(name) {
      if (!parseImageFileName(name)) return null;
      try {
        return await readFile(join(dir, name));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw err;
      }
    },
    async has(sha256, ext) {
      try {
        return (await stat(join(dir, imageFileName(sha256, ext)))).isFile();
      } catch {
        return false;
      }
    },
  };
  return files;
}
