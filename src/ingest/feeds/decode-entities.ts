import { Parser } from 'htmlparser2';

/*
 * Entity decoding for feed text. Feeds routinely use HTML named entities (&nbsp; &eacute;) that
 * XML does not define, and bare "&" in URLs. We decode with htmlparser2's HTML tokenizer in
 * attribute mode (WHATWG HTML §13.2.5.73): every HTML5 named and numeric reference is decoded,
 * but a legacy reference without ";" followed by "=" or a letter/digit stays literal, so
 * "?id=1&section=2" is not turned into "?id=1§ion=2". No DTD is read, so there is no entity
 * expansion (billion laughs) either.
 */

let decoded = '';
const decoder = new Parser(
  {
    onattribute(_name, value) {
      decoded = value;
    },
  },
  { decodeEntities: true },
);

/** Decodes HTML/XML character references in `raw` (text or attribute value). */
export function decodeEntities(raw: string): string {
  if (!raw.includes('&')) return raw;
  decoded = '';
  decoder.reset();
  decoder.end(`<a v="${raw.replace(/"/g, '&quot;')}">`);
  return decoded;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for use in XML/HTML text or a quoted attribute value. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c] ?? c);
}
