/** Tokens of a text: runs of letters/digits (Unicode), as written and lower-cased. */
export interface Tokens {
  raw: string[];
  lower: string[];
}

// Letters and digits only: "Meta's" → Meta, s; "GPT-4o" → GPT, 4o; "meta-analysis" → meta, analysis.
// Terms are tokenised the same way, so "meta-analysis" in a taxonomy matches "meta analysis" too.
const TOKEN_RE = /[\p{L}\p{N}]+/gu;

/** Splits `text` into tokens. Linear in the text; no backtracking. */
export function tokenize(text: string): Tokens {
  const raw = text.match(TOKEN_RE) ?? [];
  // Lower-casing the whole text once is cheaper than per token; fall back when it changes the
  // token count (a few characters, e.g. U+0130, lower-case to two code points).
  const lower = text.toLowerCase().match(TOKEN_RE) ?? [];
  return { raw, lower: lower.length === raw.length ? lower : raw.map((t) => t.toLowerCase()) };
}
