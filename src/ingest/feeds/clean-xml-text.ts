// XML 1.0 §2.2: these code points are not characters a document may contain.
const XML_ILLEGAL_RE = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/** Strips what comes before the XML (PHP notices, blank lines) and illegal control characters. */
export function cleanXmlText(text: string, warnings: string[]): string {
  let out = text;
  const illegal = out.match(XML_ILLEGAL_RE);
  if (illegal) {
    warnings.push(`${illegal.length} control character(s) not allowed in XML were removed`);
    out = out.replace(XML_ILLEGAL_RE, '');
  }
  // XML 1.0 §2.8: the declaration, when present, must be the very first thing in the document.
  const decl = out.slice(0, 8192).search(/<\?xml[\s?]/i);
  const start = decl >= 0 ? decl : out.search(/<[A-Za-z!?]/);
  if (start > 0) {
    const junk = out.slice(0, start);
    if (junk.trim()) warnings.push(`${junk.length} character(s) of text before the XML were ignored`);
    else if (decl > 0) warnings.push('whitespace before the XML declaration was ignored');
    out = out.slice(start);
  }
  return out;
}
