/** Longest title taken from the first sentence before it is cut at a word boundary. */
const MAX_TITLE_CHARS = 120;

/**
 * A title from a file name when the name is made of words: "meta-loses-ground.txt" → "Meta loses
 * ground". Names of ids and hashes ("002_d58b627f07bf3a7d.txt", "IMG_2041") give none.
 */
export function titleFromFileName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const words = stem
    .split(/[\s_\-.+]+/)
    .filter((w) => w.length > 0)
    // Drop numbers and hex-like ids (with digits), keep real words.
    .filter((w) => /\p{L}/u.test(w) && !(/\d/.test(w) && /^[0-9a-f]+$/i.test(w)) && !/^\d/.test(w));
  const letters = words.filter((w) => /^\p{L}{2,}$/u.test(w));
  if (letters.length < 2) return undefined;
  const title = words.join(' ');
  return title.charAt(0).toUpperCase() + title.slice(1);
}

/** A title from the opening sentence of the text, cut to ~120 characters at a word boundary. */
export function titleFromText(paragraph: string): string {
  const flat = paragraph.replace(/\s+/g, ' ').trim();
  // The first sentence ends at . ! ? … followed by a space and an upper-case letter or a quote.
  const end = /[.!?…]["'”’»)]?(?=\s+["'“‘«(]?\p{Lu})/u.exec(flat.slice(0, 400));
  const sentence = end ? flat.slice(0, end.index + 1) : flat;
  if (sentence.length <= MAX_TITLE_CHARS) return sentence.replace(/[.]$/, '');
  const cut = sentence.slice(0, MAX_TITLE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${(space > 40 ? cut.slice(0, space) : cut).replace(/[\s,;:–—-]+$/u, '')}…`;
}
