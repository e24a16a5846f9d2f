import type { HElement } from './dom.js';

/**
 * The headline from `<title>` (after Readability's `_getArticleTitle`): drop a trailing
 * " | Site" / " - Site" part, or a leading "Site: " part, unless that leaves too few words; use a
 * lone `<h1>` when the title is very short or very long.
 */
export function articleTitleFromDocument(docTitle: string, root: HElement): string {
  const original = docTitle.trim();
  let title = original;
  let hierarchical = false;
  const words = (s: string): number => s.split(/\s+/).length;

  // Separators include the en and em dash ("Headline – Site"), as newer Readability does.
  if (/\s[|\-–—\\/>»]\s/.test(title)) {
    hierarchical = /\s[\\/>»]\s/.test(title);
    const separators = [...original.matchAll(/\s[|\-–—\\/>»]\s/gi)];
    title = original.substring(0, separators[separators.length - 1]!.index);
    if (words(title) < 3) title = original.replace(/^[^|\-–—\\/>»]*[|\-–—\\/>»]/gi, '');
  } else if (title.includes(': ')) {
    // Keep the whole title when a heading repeats it exactly.
    const headings = root.findAll(new Set(['h1', 'h2']));
    const trimmed = title.trim();
    if (!headings.some((h) => h.textContent.trim() === trimmed)) {
      title = original.substring(original.lastIndexOf(':') + 1);
      if (words(title) < 3) title = original.substring(original.indexOf(':') + 1);
      else if (words(original.substring(0, original.indexOf(':'))) > 5) title = original;
    }
  } else if (title.length > 150 || title.length < 15) {
    const h1s = root.findAll('h1');
    if (h1s.length === 1) title = h1s[0]!.textContent.trim().replace(/\s{2,}/g, ' ');
  }

  title = title.trim().replace(/\s{2,}/g, ' ');
  // Four words or fewer: the cut went wrong unless it removed exactly one hierarchical part.
  const count = words(title);
  if (count <= 4 && (!hierarchical || count !== words(original.replace(/[|\-–—\\/>»]+/g, '')) - 1)) {
    title = original;
  }
  return title;
}
