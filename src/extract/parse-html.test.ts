import { describe, expect, it } from 'vitest';
import type { HElement } from './dom.js';
import { serializeChildren, toPlainText } from './html-output.js';
import { DEFAULT_LIMITS } from './limits.js';
import { parseHtml } from './parse-html.js';

const tags = (el: HElement): string[] => el.children.map((c) => c.tag);

describe('parseHtml', () => {
  it('gives every page an html/head/body shape', () => {
    const doc = parseHtml('<title> A  title </title><p>one');
    expect(doc.title).toBe('A title');
    expect(doc.html.tag).toBe('html');
    expect(doc.body.tag).toBe('body');
    expect(doc.body.textContent).toContain('one');
  });

  it('moves content found after </body> or </html> into the body', () => {
    const doc = parseHtml('<html><head></head><body><p>a</p></body></html><p>b</p>');
    expect(tags(doc.body)).toEqual(['p', 'p']);
  });

  it('applies implied end tags (p, li, td) like htmlparser2', () => {
    const doc = parseHtml('<body><p>one<p>two<div>three</div><ul><li>a<li>b</ul><table><tr><td>x<td>y</table>');
    expect(serializeChildren(doc.body)).toBe(
      '<p>one</p><p>two</p><div>three</div><ul><li>a</li><li>b</li></ul><table><tr><td>x</td><td>y</td></tr></table>',
    );
  });

  it('treats a stray </p> as an empty paragraph and </br> as <br>', () => {
    const doc = parseHtml('<body>a</p>b</br>c');
    expect(serializeChildren(doc.body)).toBe('a<p></p>b<br>c');
  });

  it('keeps script and style text raw, decodes entities elsewhere', () => {
    const doc = parseHtml('<body><script>if (a < b && c) {}</script><p>&lt;b&gt; &amp; &eacute; &#x263A;</p>');
    expect(doc.body.findFirst('script')?.textContent).toBe('if (a < b && c) {}');
    expect(doc.body.findFirst('p')?.textContent).toBe('<b> & é ☺');
  });

  it('closes self-closing tags only inside SVG and MathML', () => {
    const doc = parseHtml('<body><svg><path d="M0"/><circle/></svg><div/>text</body>');
    const svg = doc.body.findFirst('svg')!;
    expect(tags(svg)).toEqual(['path', 'circle']);
    expect(doc.body.findFirst('div')?.textContent).toBe('text');
  });

  it('drops template contents', () => {
    const doc = parseHtml('<body><template><p>inert</p></template><p>live</p>');
    expect(doc.body.textContent).toBe('live');
  });

  it('caps depth, attributes and elements', () => {
    const limits = { ...DEFAULT_LIMITS, maxDepth: 5, maxAttributes: 2, maxElements: 10 };
    const deep = parseHtml(`${'<div>'.repeat(20)}deep${'</div>'.repeat(20)}<p>after</p>`, limits);
    let depth = 0;
    for (let el = deep.body.firstElementChild; el; el = el.firstElementChild) depth++;
    expect(depth).toBe(limits.maxDepth);
    expect(deep.body.textContent).toContain('deep');
    expect(deep.body.textContent).toContain('after');

    const attrs = parseHtml('<body><p a="1" b="2" c="3" a="4">x</p>', limits);
    expect([...attrs.body.findFirst('p')!.attrs]).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);

    const many = parseHtml('<body>' + '<i>x</i>'.repeat(50), limits);
    expect(many.truncated).toBe('elements');
    expect(many.elements).toBe(10);
  });

  it('ignores end tags that close nothing', () => {
    const doc = parseHtml('<body><div><span>a</em></strong>b</span>c</div>');
    expect(serializeChildren(doc.body)).toBe('<div><span>ab</span>c</div>');
  });
});

describe('toPlainText', () => {
  it('separates blocks by a blank line and items by a newline', () => {
    const doc = parseHtml('<body><h2>Head</h2><p>One  two\nthree</p><ul><li>a</li><li>b</li></ul><p>x<br>y</p>');
    expect(toPlainText(doc.body)).toBe('Head\n\nOne two three\n\na\nb\n\nx\ny');
  });

  it('keeps whitespace inside <pre>', () => {
    const doc = parseHtml('<body><p>a</p><pre>  indented\n\tline  two</pre>');
    expect(toPlainText(doc.body)).toBe('a\n\n  indented\n\tline  two');
  });

  it('leaves out scripts, forms controls and SVG', () => {
    const doc = parseHtml('<body><p>kept</p><script>x()</script><select><option>o</option></select><svg><text>t</text></svg>');
    expect(toPlainText(doc.body)).toBe('kept');
  });
});
