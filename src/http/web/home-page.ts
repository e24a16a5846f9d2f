import { html, raw } from 'hono/html';
import type { ImageStore } from '../../store/images.js';
import type { ArticleRow, SearchHit, Store } from '../../store/store.js';
import { listHotStories, type StorySummary, type Watchlist } from '../../services/stories.js';
import type { StoriesRepository } from '../../store/stories.js';
import { loadLeadImages, type LeadImage } from '../load-lead-images.js';

/** Stories for the home page's "hot now" list (absent: no such list). */
export interface HomeStories {
  repo: StoriesRepository;
  watched?: Watchlist;
  now?: () => Date;
}

/**
 * The plain home page of this stage: stored articles grouped by topic, and a search box.
 * Everything interpolated goes through hono/html, which escapes it. An article shows its lead
 * image only when Heatwire holds a copy (`images`): the publisher's URL is never hot-linked,
 * so a reader's browser loads no third-party tracker (and the CSP allows `img-src 'self'` only).
 */
export async function homePage(
  store: Store,
  query: string,
  topic: string,
  images?: Pick<ImageStore, 'cachedByUrl'>,
  stories?: HomeStories,
): Promise<string> {
  const topics = await store.listTopics();
  let leads = new Map<string, LeadImage>();
  const articleItem = (row: ArticleRow) => renderArticle(row, leads.get(row.id));
  let body;
  if (query.trim()) {
    const hits = await store.search(query, { limit: 50 });
    body = html`<h2>Search: ${query}</h2>
      ${hits.length ? html`<ol>${hits.map(hitItem)}</ol>` : html`<p>No match.</p>`}`;
  } else if (topic) {
    const rows = await store.listArticles({ topic, limit: 100 });
    leads = await loadLeadImages(images, rows);
    body = html`<h2>${topic}</h2><ol>${rows.map(articleItem)}</ol>`;
  } else {
    const sections = await Promise.all(
      topics.slice(0, 24).map(async (t) => ({ t, rows: await store.listArticles({ topic: t.name, limit: 5 }) })),
    );
    const untopical = topics.length ? [] : await store.listArticles({ limit: 50 });
    leads = await loadLeadImages(images, [...sections.flatMap((s) => s.rows), ...untopical]);
    const hot = stories
      ? await listHotStories(stories.repo, {
          now: (stories.now ?? (() => new Date()))(),
          limit: 8,
          ...(stories.watched ? { watched: stories.watched } : {}),
        })
      : [];
    body = html`${hot.length ? html`<section><h2>Stories</h2><ol class="stories">${hot.map(storyItem)}</ol></section>` : ''}${sections.map(
      ({ t, rows }) =>
        html`<section><h2><a href="/?topic=${encodeURIComponent(t.name)}">${t.name}</a> <small>${t.count}</small></h2>
          <ol>${rows.map(articleItem)}</ol></section>`,
    )}${untopical.length ? html`<ol>${untopical.map(articleItem)}</ol>` : ''}`;
  }
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>Heatwire</title>
        <style>
          ${raw(STYLE)}
        </style>
      </head>
      <body>
        <header>
          <h1><a href="/">Heatwire</a></h1>
          <form action="/" method="get" role="search">
            <input type="search" name="q" value="${query}" placeholder="Search articles" aria-label="Search articles" />
            <button type="submit">Search</button>
          </form>
        </header>
        <nav>${topics.slice(0, 40).map((t) => html`<a href="/?topic=${encodeURIComponent(t.name)}">${t.name}</a> `)}</nav>
        <main>${body}</main>
      </body>
    </html>`;
  return (await page).toString();
}

function renderArticle(row: ArticleRow, lead: LeadImage | undefined) {
  // alt="": the image illustrates the linked title next to it and adds no information (WCAG H67).
  return html`<li>
    ${lead ? html`<img src="${lead.url}" alt="" width="${lead.width}" height="${lead.height}" loading="lazy" decoding="async" />` : ''}
    ${row.canonicalUrl ? html`<a href="${row.canonicalUrl}" rel="noopener noreferrer">${row.title}</a>` : row.title}
    <small>${row.providerName ?? ''} ${row.publishedAt?.slice(0, 10) ?? ''}</small>
    ${row.excerpt ? html`<p>${row.excerpt}</p>` : ''}
  </li>`;
}

/** A story: heat (or a dash when it is too old to score), title, coverage and why it is hot. */
function storyItem(story: StorySummary) {
  const link = story.articles.find((a) => a.webUrl)?.webUrl;
  return html`<li>
    <b class="heat" title="heat 0–100">${story.heat >= 0 ? Math.round(story.heat) : '–'}</b>
    ${link ? html`<a href="${link}" rel="noopener noreferrer">${story.title}</a>` : story.title}
    <small>${story.articles.length} article(s), ${story.sources.length} source(s), last ${story.lastSeen.slice(0, 10)}</small>
    ${story.heat >= 0 && story.reasons.length ? html`<p>${story.reasons.slice(0, 2).join(' · ')}</p>` : ''}
  </li>`;
}

function hitItem(hit: SearchHit) {
  return html`<li>${hit.title} <small>${hit.providerName ?? ''} ${hit.publishedAt?.slice(0, 10) ?? ''}</small>
    ${hit.excerpt ? html`<p>${hit.excerpt}</p>` : ''}</li>`;
}

const STYLE = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#222}
header{display:flex;gap:1rem;align-items:center;justify-content:space-between}h1 a{color:#c2410c;text-decoration:none}
nav a{display:inline-block;margin:0 .4rem .3rem 0;padding:.1rem .5rem;border-radius:1rem;background:#fff1e6;color:#9a3412;text-decoration:none;font-size:.85rem}
section{margin-top:1.5rem}h2 small{color:#888;font-weight:normal}li{margin:.4rem 0}li p{margin:.2rem 0;color:#555;font-size:.9rem}
li small{color:#777}input[type=search]{padding:.3rem .5rem;min-width:16rem}
li img{float:right;width:6rem;height:auto;margin:0 0 .4rem .8rem;border-radius:.3rem}li{overflow:hidden}
.heat{display:inline-block;min-width:2rem;text-align:center;margin-right:.4rem;padding:0 .3rem;border-radius:.3rem;background:#c2410c;color:#fff}`;
