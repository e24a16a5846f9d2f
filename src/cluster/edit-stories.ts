import { HeatwireError } from '../core/errors.js';
import { storyIdFor, uniqueStoryId } from './assign-story.js';
import type { StoryIndex } from './story-index.js';
import { mergeInto, pickSurvivor, rebuildStory } from './story-state.js';

/**
 * Editor decision: stories `a` and `b` are one. The older story keeps its id; the other redirects
 * to it. Recorded as a must-link, and any cannot-link between them is lifted (the editor decides).
 */
export function mergeStories(index: StoryIndex, a: string, b: string, now: Date = new Date()): { storyId: string; merged: string[] } {
  const x = index.getStory(a);
  const y = index.getStory(b);
  if (!x) throw new HeatwireError('NOT_FOUND', `story ${a}`);
  if (!y) throw new HeatwireError('NOT_FOUND', `story ${b}`);
  if (x.id === y.id) return { storyId: x.id, merged: [] };
  index.setCannotLinked(x.id, y.id, false);
  const [survivor, absorbed] = pickSurvivor(x, y);
  index.recordConstraint({ kind: 'must-link', stories: [survivor.id, absorbed.id], at: now.toISOString() });
  mergeInto(survivor, absorbed, index);
  return { storyId: survivor.id, merged: [absorbed.id] };
}

/**
 * Editor decision: `articleIds` do not belong to `storyId`. They move to a new story (id from the
 * earliest moved article); the two are cannot-linked, so no later article merges them back
 * automatically. The remaining story keeps its id.
 */
export function splitStory(index: StoryIndex, storyId: string, articleIds: readonly string[], now: Date = new Date()): { storyId: string; newStoryId: string } {
  const story = index.getStory(storyId);
  if (!story) throw new HeatwireError('NOT_FOUND', `story ${storyId}`);
  const moving = new Set(articleIds);
  for (const id of moving) if (!story.articleIds.includes(id)) throw new HeatwireError('USAGE', `article ${id} is not in story ${story.id}`);
  const staying = story.articleIds.filter((id) => !moving.has(id));
  if (!staying.length || !moving.size) throw new HeatwireError('USAGE', 'a split must leave articles on both sides');

  const kept = rebuildStory(story.id, staying, index);
  const movingSorted = [...moving].map((id) => index.getArticle(id)!).sort((p, q) => p.publishedAt - q.publishedAt || (p.id < q.id ? -1 : 1));
  const newId = uniqueStoryId(storyIdFor(movingSorted[0]!.id), index);
  const split = rebuildStory(newId, [...moving], index);
  if (!kept || !split) throw new HeatwireError('INTERNAL', `story ${story.id} has articles without stored features`);
  index.putStory(kept);
  index.putStory(split);
  for (const a of movingSorted) {
    index.setStoryOf(a.id, newId);
    // Post the moved articles under the new story so later coverage can find it.
    index.post(
      a.salient.map((t) => `${t}@${Math.floor(a.publishedAt / 86_400_000)}`),
      newId,
    );
  }
  index.setCannotLinked(kept.id, newId, true);
  index.recordConstraint({ kind: 'cannot-link', stories: [kept.id, newId], articleIds: movingSorted.map((a) => a.id), at: now.toISOString() });
  return { storyId: kept.id, newStoryId: newId };
}
