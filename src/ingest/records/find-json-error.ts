/**
 * Offset of the first syntax error in JSON text (RFC 8259), or -1 when the text is valid.
 * JSON.parse on Node 20 often reports no position ("Unexpected token '}', …"), so the line of a
 * JSON_SYNTAX error is found by this scanner. Iterative (an explicit stack), so deep nesting
 * cannot overflow the call stack.
 */
export function findJsonError(text: string): number {
  const n = text.length;
  const stack: string[] = [];
  let state: 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'afterValue' = 'value';
  let i = 0;
  for (;;) {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
    if (i >= n) return state === 'afterValue' && stack.length === 0 ? -1 : n;
    const c = text[i];
    if (state === 'afterValue') {
      const top = stack.at(-1);
      if (top === undefined) return i; // text after the top-level value
      if (c === ',') {
        state = top === '{' ? 'key' : 'value';
        i++;
      } else if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
        stack.pop();
        i++;
      } else {
        return i;
      }
      continue;
    }
    if (state === 'valueOrEnd' && c === ']') {
      stack.pop();
      state = 'afterValue';
      i++;
      continue;
    }
    if (state === 'keyOrEnd' && c === '}') {
      stack.pop();
      state = 'afterValue';
      i++;
      continue;
    }
    if (state === 'key' || state === 'keyOrEnd') {
      if (c !== '"') return i;
      const end = scanString(text, i);
      if (end < 0) return -end - 1;
      i = end;
      while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
      if (text[i] !== ':') return i;
      i++;
      state = 'value';
      continue;
    }
    // A value.
    if (c === '{' || c === '[') {
      stack.push(c);
      state = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
      i++;
      continue;
    }
    let end = -1;
    if (c === '"') {
      end = scanString(text, i);
      if (end < 0) return -end - 1;
    } else {
      NUMBER_RE.lastIndex = i;
      const number = NUMBER_RE.exec(text);
      if (number) end = i + number[0].length;
      else {
        const literal = LITERALS.find((l) => text.startsWith(l, i));
        if (literal === undefined) return i;
        end = i + literal.length;
      }
    }
    i = end;
    state = 'afterValue';
  }
}

const NUMBER_RE = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];

/** End offset of the string starting at `start`, or -(offset of the error) - 1. */
function scanString(text: string, start: number): number {
  for (let j = start + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === 0x22) return j + 1;
    if (code < 0x20) return -j - 1; // control characters must be escaped (RFC 8259 §7)
    if (code === 0x5c) {
      const next = text[j + 1] ?? '';
      if ('"\\/bfnrt'.includes(next) && next !== '') j += 1;
      else if (next === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) j += 5;
      else return -j - 1;
    }
  }
  return -text.length - 1;
}
