/** Tokens of a text: runs of letters/digits (Unicode), as written and lower-cased. */
export interface Tokens {
  raw: string[];
  lower: string[];
}

// Letters and digits only: "Meta's" → Meta, s; "GPT-4o" → GPT, 4o; "meta-analysis" → meta, analysis.
// Terms are tokenised the same way, so "meta-analysis" in a taxonomy matches "meta analysis" too.
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/**
 * Splits `text` into tokens. Linear in the text; no backtracking. The rules and the model read
 * the same title and text one after the other: a two-entry memo lets the second reading reuse
 * the first (the result depends only on `text`, so this stays pure; callers never mutate it).
 */
export function tokenize(text: string): Tokens {
  for (const entry of recent) if (entry.text === text) return entry.tokens;
  const tokens = split(text);
  recent.unshift({ text, tokens });
  if (recent.length > 2) recent.pop();
  return tokens;
}

const recent: Array<{ text: string; tokens: Tokens }> = [];

function split(text: string): Tokens {
  const raw = text.match(TOKEN_RE) ?? [];
  // Lower-casing the whole text once is cheaper than per token; fall back when it changes the
  // token count (a few characters, e.g. U+0130, lower-case to two code points).
  const lower = text.toLowerCase().match(TOKEN_RE) ?? [];
  return { raw, lower: lower.length === raw.length ? lower : raw.map((t) => t.toLowerCase()) };
}
