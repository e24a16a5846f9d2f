import type { NewsRecord } from '../../src/core/record.js';
import { buildRecord } from './build-record.js';
import { PROVIDERS } from './catalog.js';
import { teaserFromBody, TEXT_BYTES } from './compose.js';
import { SYNDICATION_CREDITS } from './generic.js';
import type { Rng } from './prng.js';
import { fillTemplate, toTitleCase } from './render.js';

/** A republished copy of a wire story: the same article with small, realistic differences. */
export interface SyndicatedCopy {
  record: NewsRecord;
  text: string;
}

const SYNDICATORS = PROVIDERS.filter((p) => p.role === 'syndicator');

/**
 * Republishes a wire article on one or two syndicating sites, hours later: same body, plus a
 * credit line, sometimes trimmed by its last paragraph (as sites do to fit a page), and the
 * headline in the site's own capitalisation. These are the near-duplicates dedupe must catch.
 */
export function syndicateWireArticle(
  original: { record: NewsRecord; paragraphs: readonly string[]; published: Date },
  rng: Rng,
  takenUrls: Set<string>,
): SyndicatedCopy[] {
  const copies: SyndicatedCopy[] = [];
  const wire = original.record.provider?.name ?? 'the wire';
  for (const provider of rng.shuffle(SYNDICATORS).slice(0, rng.int(1, 2))) {
    let paragraphs = [...original.paragraphs];
    const trimmed = paragraphs.slice(0, -1);
    // Sites trim the last paragraph to fit a page (always when the credit would make it nine).
    const mustTrim = paragraphs.length >= 8;
    if ((mustTrim || (paragraphs.length > 4 && rng.chance(0.5))) && Buffer.byteLength(trimmed.join('\n\n')) >= TEXT_BYTES.min + 150) {
      paragraphs = trimmed;
    }
    paragraphs.push(fillTemplate(rng.pick(SYNDICATION_CREDITS), { wire, provider: provider.name }, rng));
    while (Buffer.byteLength(paragraphs.join('\n\n')) > TEXT_BYTES.max && paragraphs.length > 4) paragraphs.splice(-2, 1);
    const title = provider.titleCase ? toTitleCase(original.record.title) : original.record.title;
    const published = new Date(original.published.getTime() + rng.int(1, 14) * 3_600_000 + rng.int(0, 59) * 60_000);
    const record = buildRecord(
      {
        provider,
        category: 'news',
        title,
        excerpt: teaserFromBody(paragraphs, provider.excerptStyle === 'cut' ? 'cut' : 'lede', rng),
        published,
        topics: original.record.topics ?? ['AI'],
        qualityBias: -10,
      },
      rng,
      takenUrls,
    );
    copies.push({ record, text: paragraphs.join('\n\n') });
  }
  return copies;
}
