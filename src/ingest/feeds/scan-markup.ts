import { Tokenizer } from 'htmlparser2';

/*
 * A linear-time SAX layer straight over htmlparser2's Tokenizer. htmlparser2's Parser keeps its
 * own open-element stack with Array#unshift/indexOf, which is quadratic on deeply nested input
 * (100k nested tags took seconds in our fuzz test); the callers here keep a capped stack of
 * their own instead, so every input is parsed in time linear in its length.
 */

/** Receives markup events in document order. */
export interface MarkupHandler {
  /** A start tag; `selfClosing` for `<x/>`. Attribute values are raw in XML mode, decoded in HTML mode. */
  open(name: string, attrs: Record<string, string>, selfClosing: boolean): void;
  /** An end tag as written in the source. */
  close(name: string): void;
  /** Text: raw (entities not decoded) in XML mode, decoded in HTML mode; `cdata` inside <![CDATA[…]]>. */
  text(text: string, cdata: boolean): void;
}

/**
 * Tokenises `input` as XML (`xml`: case kept, CDATA recognised, entities left raw) or HTML
 * (`html`: names lowercased, entities decoded per WHATWG HTML, script/style as raw text).
 */
export function scanMarkup(input: string, handler: MarkupHandler, mode: 'xml' | 'html'): void {
  const html = mode === 'html';
  const name = (start: number, end: number) => (html ? input.slice(start, end).toLowerCase() : input.slice(start, end));
  let tagName = '';
  let attrs: Record<string, string> = {};
  let attrName = '';
  let attrValue = '';
  const tokenizer = new Tokenizer(
    { xmlMode: !html, decodeEntities: html },
    {
      onopentagname(start, end) {
        tagName = name(start, end);
        attrs = {};
      },
      onattribname(start, end) {
        attrName = name(start, end);
        attrValue = '';
      },
      onattribdata(start, end) {
        attrValue += input.slice(start, end);
      },
      onattribentity(codepoint) {
        attrValue += String.fromCodePoint(codepoint);
      },
      onattribend() {
        // The first of duplicate attributes wins (WHATWG HTML §13.2.5.33).
        if (!Object.hasOwn(attrs, attrName)) attrs[attrName] = attrValue;
      },
      onopentagend() {
        handler.open(tagName, attrs, false);
      },
      onselfclosingtag() {
        handler.open(tagName, attrs, true);
      },
      onclosetag(start, end) {
        handler.close(name(start, end));
      },
      ontext(start, end) {
        handler.text(input.slice(start, end), false);
      },
      ontextentity(codepoint) {
        handler.text(String.fromCodePoint(codepoint), false);
      },
      oncdata(start, end, offset) {
        if (!html) handler.text(input.slice(start, end - offset), true);
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(input);
  tokenizer.end();
}
