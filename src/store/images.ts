/**
 * The image-cache port: which lead-image URLs Heatwire holds (content-addressed by SHA-256),
 * which failed and when to try them again, and which articles use which image. The SQLite
 * implementation is `sqlite/images-repository.ts`; methods are async like the Store's.
 */

/** A cached image's stored facts (the bytes are in `<dataDir>/images/<sha256>.<ext>`). */
export interface CachedImage {
  sourceUrl: string;
  sha256: string;
  ext: string;
  contentType: string;
  bytes: number;
  width: number;
  height: number;
  fetchedAt: string;
}

/** One source URL's state: cached (sha256 set) or failed (error set) so far. */
export interface ImageState {
  sourceUrl: string;
  cached: CachedImage | null;
  /** The last failure, "CODE message", when the image is not cached. */
  error: string | null;
  attempts: number;
  /** When a failed image may be tried again; null once given up (or when cached). */
  nextAttemptAt: string | null;
}

/** An article whose lead image still needs work. */
export interface LeadImageCandidate {
  articleId: string;
  url: string;
}

/** How a failure is recorded. */
export interface ImageFailureWrite {
  error: string;
  /** null: give up (not retried by `images fetch`). */
  nextAttemptAt: string | null;
}

export interface ImageStore {
  /** The state of one source URL, or null when it was never tried. */
  getImage(sourceUrl: string): Promise<ImageState | null>;
  /** The cached image with this content hash (any source URL), for serving. */
  findBySha256(sha256: string): Promise<CachedImage | null>;
  /** Records a successful fetch (clears any earlier error) and links the articles to it. */
  recordCached(image: CachedImage, articleIds: string[]): Promise<void>;
  /** Records a failed attempt (attempts + 1) and links the articles to the URL. */
  recordFailure(sourceUrl: string, failure: ImageFailureWrite, articleIds: string[], now: string): Promise<void>;
  /** Links articles to a URL without touching its state (the image is already known). */
  linkArticles(sourceUrl: string, articleIds: string[]): Promise<void>;
  /**
   * Articles, newest first, whose lead image is not linked yet, or is linked but failed and due
   * again at `now`. The lead image is the record's first image, else `extended.leadImage`.
   */
  listCandidates(options: { now: string; limit?: number }): Promise<LeadImageCandidate[]>;
  /** Cached images by source URL, for the given URLs (unknown and failed ones are left out). */
  cachedByUrl(sourceUrls: string[]): Promise<Map<string, CachedImage>>;
  /** Every cached image by source URL (for a whole export). */
  allCached(): Promise<Map<string, CachedImage>>;
  /** Counts for `images` status lines. */
  countImages(): Promise<{ cached: number; failed: number; givenUp: number }>;
}
