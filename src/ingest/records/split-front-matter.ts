import { HeatwireError } from '../../core/errors.js';

/** A record document cut into its YAML front matter and its body. */
export interface FrontMatterParts {
  /** The YAML between the opening and the closing `---` lines (line breaks kept). */
  yaml: string;
  /** 1-based file line of the opening `---`; YAML line n is file line `openLine + n`. */
  openLine: number;
  /** 1-based file line of the closing `---` (or `...`). */
  closeLine: number;
  /** Everything after the closing line, as it came (untrimmed). */
  rest: string;
}

// A delimiter line is exactly `---` (or `...` to close, the YAML 1.2 §9.1.4 document end marker
// that Pandoc also accepts), optionally followed by spaces or tabs; nothing else.
const OPEN_RE = /^---[ \t]*$/;
const CLOSE_RE = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits a front-matter document. Leading blank lines and a UTF-8 BOM before the opening `---` are
 * tolerated. Throws INPUT_EMPTY (only whitespace), RECORD_INVALID (no opening `---`) or
 * RECORD_UNCLOSED (no closing line).
 */
export function splitFrontMatter(text: string, origin: string): FrontMatterParts {
  if (text.replace(/^\uFEFF/, '').trim() === '')
    throw new HeatwireError('INPUT_EMPTY', undefined, { input: origin });
  let pos = text.startsWith('\uFEFF') ? 1 : 0;
  let line = 1;
  let openLine = 0;
  let yamlStart = -1;
  while (pos <= text.length) {
    const { content, next } = readLine(text, pos);
    if (yamlStart < 0) {
      if (OPEN_RE.test(content)) {
        openLine = line;
        yamlStart = next;
      } else if (content.trim() !== '') {
        throw new HeatwireError('RECORD_INVALID', 'a record document must start with a --- line', {
          input: origin,
          line,
        });
      }
    } else if (CLOSE_RE.test(content)) {
      return { yaml: text.slice(yamlStart, pos), openLine, closeLine: line, rest: text.slice(next) };
    }
    if (next > text.length) break;
    pos = next;
    line += 1;
  }
  throw new HeatwireError('RECORD_UNCLOSED', `opened at line ${openLine}`, { input: origin, line: openLine });
}

/** The body after the closing line: leading blank lines and trailing whitespace removed. */
export function trimBody(rest: string): string | undefined {
  const body = rest.replace(/^(?:[ \t]*\r?\n)+/, '').trimEnd();
  return body === '' ? undefined : body;
}

/** One line starting at `pos` without its terminator, and the offset after the terminator. */
function readLine(text: string, pos: number): { content: string; next: number } {
  const nl = text.indexOf('\n', pos);
  if (nl < 0) return { content: text.slice(pos), next: text.length + 1 };
  // CRLF files: the \r belongs to the terminator, not the line (YAML 1.2 §5.4).
  const end = nl > pos && text[nl - 1] === '\r' ? nl - 1 : nl;
  return { content: text.slice(pos, end), next: nl + 1 };
}
