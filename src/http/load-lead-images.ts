import { imageUrlPath } from '../images/image-file-name.js';
import { leadImageUrl } from '../images/lead-image-url.js';
import type { ImageStore } from '../store/images.js';
import type { ArticleRow } from '../store/store.js';

/** An article's lead image as the API and the web page give it: always Heatwire's own copy. */
export interface LeadImage {
  /** `/images/<sha256>.<ext>` on this server; never the publisher's URL. */
  url: string;
  contentType: string;
  width: number;
  height: number;
}

/**
 * The cached lead images of some articles, by article id, in one query. An article whose lead
 * image is not cached (or that has none) is absent: readers must never be sent to the
 * publisher's image URL, which is often a tracker, so there is no fallback to it.
 */
export async function loadLeadImages(
  images: Pick<ImageStore, 'cachedByUrl'> | undefined,
  rows: ReadonlyArray<Pick<ArticleRow, 'id' | 'record' | 'extended'>>,
): Promise<Map<string, LeadImage>> {
  const out = new Map<string, LeadImage>();
  if (!images || !rows.length) return out;
  const leads = rows.map((row) => ({ id: row.id, url: leadImageUrl(row.record, row.extended) }));
  const urls = [...new Set(leads.flatMap((l) => (l.url ? [l.url] : [])))];
  if (!urls.length) return out;
  const cached = await images.cachedByUrl(urls);
  for (const { id, url } of leads) {
    const hit = url ? cached.get(url) : undefined;
    if (hit) out.set(id, { url: imageUrlPath(hit.sha256, hit.ext), contentType: hit.contentType, width: hit.width, height: hit.height });
  }
  return out;
}
