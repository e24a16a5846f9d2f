/** Resolves `ref` against `base` (WHATWG URL); returns `ref` trimmed when it cannot be resolved. */
export function resolveUrl(ref: string, base: string | undefined): string {
  const r = ref.trim();
  if (!r) return base ?? '';
  try {
    return new URL(r, base || undefined).href;
  } catch {
    try {
      return new URL(r).href;
    } catch {
      return r;
    }
  }
}

/** True for an absolute http(s) URL. */
export function isHttpUrl(value: string): boolean {
  return /^https?:\/\/[^\s/?#]+/i.test(value);
}

/**
 * A link fit for output: absolute http(s) after resolution, or a relative reference when no
 * base was known (the caller may resolve it). Other schemes (javascript:, data:, mailto:) → null.
 */
export function resolveLink(ref: string | undefined, base: string | undefined): string | null {
  if (!ref?.trim()) return null;
  const url = resolveUrl(ref, base);
  if (isHttpUrl(url)) return url;
  return /^[a-z][a-z0-9+.-]*:/i.test(url) ? null : url;
}
