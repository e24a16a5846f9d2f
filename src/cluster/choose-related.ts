/** An article near the one we choose related articles for. */
export interface RelatedOption {
  articleId: string;
  /** ISO 8601, or null when unknown (ranked last among equals). */
  publishedAt: string | null;
  /** Topics and people/organisations it shares with the article (0 for story mates). */
  sharedTopics?: number;
  sharedEntities?: number;
}

/** Default length of a computed related list. */
export const RELATED_LIMIT = 10;

/**
 * Heatwire's related list for one article: articles of the same story first (closest in time
 * first), then articles sharing people/organisations and topics within the window, ranked by
 * `2 × shared entities + shared topics` (a shared company says more than a shared broad topic),
 * then by closeness in time, then by id so the list is deterministic. Never the article itself,
 * never an excluded id (e.g. its own duplicates), each id once.
 */
export function chooseRelated(
  article: { articleId: string; publishedAt: string | null },
  storyMates: readonly RelatedOption[],
  candidates: readonly RelatedOption[],
  options: { limit?: number; exclude?: ReadonlySet<string> } = {},
): string[] {
  const limit = options.limit ?? RELATED_LIMIT;
  const at = article.publishedAt === null ? NaN : Date.parse(article.publishedAt);
  const distance = (o: RelatedOption): number => {
    const t = o.publishedAt === null ? NaN : Date.parse(o.publishedAt);
    return Number.isFinite(t) && Number.isFinite(at) ? Math.abs(t - at) : Number.MAX_SAFE_INTEGER;
  };
  const byTime = (a: RelatedOption, b: RelatedOption): number =>
    distance(a) - distance(b) || (a.articleId < b.articleId ? -1 : 1);
  const score = (o: RelatedOption): number => 2 * (o.sharedEntities ?? 0) + (o.sharedTopics ?? 0);
  const out: string[] = [];
  const seen = new Set<string>([article.articleId, ...(options.exclude ?? [])]);
  const push = (o: RelatedOption): void => {
    if (out.length < limit && !seen.has(o.articleId)) {
      seen.add(o.articleId);
      out.push(o.articleId);
    }
  };
  [...storyMates].sort(byTime).forEach(push);
  [...candidates]
    .filter((c) => score(c) > 0)
    .sort((a, b) => score(b) - score(a) || byTime(a, b))
    .forEach(push);
  return out;
}

/**
 * Places `newcomer` (a new article of the same story) in an existing related list: after the
 * list's same-story prefix, before the topic/entity matches, keeping at most `limit`. Returns
 * null when nothing changes (already listed, or it would fall off the end).
 */
export function insertStoryMate(
  list: readonly string[],
  newcomer: string,
  isStoryMate: (id: string) => boolean,
  limit = RELATED_LIMIT,
): string[] | null {
  if (list.includes(newcomer)) return null;
  let prefix = 0;
  while (prefix < list.length && isStoryMate(list[prefix]!)) prefix++;
  if (prefix >= limit) return null;
  return [...list.slice(0, prefix), newcomer, ...list.slice(prefix)].slice(0, limit);
}
