import { Hono } from 'hono';
import type { ImageFiles } from '../images/image-files.js';
import { parseImageFileName } from '../images/image-file-name.js';
import type { ImageStore } from '../store/images.js';

/** What the image route reads: the cache's records and its files. */
export interface ImageRouteDeps {
  images: Pick<ImageStore, 'findBySha256'>;
  files: Pick<ImageFiles, 'read'>;
}

/**
 * `GET /images/:name` — a cached lead image, `<sha256>.<ext>`, so readers never load the
 * publisher's (tracking) URL. The name must match a strict pattern before any file access, so
 * `..`, slashes and encoded separators cannot reach the file system; an unknown, malformed or
 * mismatched name is a plain 404. The content never changes under a name (it is its hash), hence
 * a year-long immutable cache (RFC 8246); nosniff keeps browsers to the stored type.
 */
export function imagesRoute(deps: ImageRouteDeps): Hono {
  const route = new Hono();
  route.get('/:name', async (c) => {
    const name = c.req.param('name');
    const parsed = parseImageFileName(name);
    const cached = parsed ? await deps.images.findBySha256(parsed.sha256) : null;
    const bytes = cached && cached.ext === parsed?.ext ? await deps.files.read(name) : null;
    if (!cached || !bytes) return c.text('not found', 404, { 'x-content-type-options': 'nosniff' });
    const headers = {
      'cache-control': 'public, max-age=31536000, immutable',
      'x-content-type-options': 'nosniff',
      etag: `"${cached.sha256}"`,
    };
    // The name is the content hash, so a matching validator always means "unchanged" (RFC 9110 §13.1.2).
    if (c.req.header('if-none-match')?.split(',').some((t) => t.trim().replace(/^W\//, '') === headers.etag)) {
      return c.body(null, 304, headers);
    }
    return c.body(new Uint8Array(bytes), 200, {
      ...headers,
      'content-type': cached.contentType,
      'content-length': String(bytes.length),
    });
  });
  return route;
}
