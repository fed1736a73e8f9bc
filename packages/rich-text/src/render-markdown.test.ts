// Markdown exports are opened by renderers that pass raw HTML through: every case here renders
// the output with markdown-it with `html: true` (the least forgiving reader) and checks what a
// reader would get, not only the characters written.
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToJson, markdownLine, markdownParagraphs, MAX_RICH_TEXT_DEPTH, renderMarkdown, richTextDepth, writeJson, type RichTextNode } from './index';

const reader = new MarkdownIt({ html: true, linkify: true });
const toHtml = (markdown: string) => reader.render(markdown);
const t = (text: string, marks?: RichTextNode['marks']): RichTextNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });
const doc = (...content: RichTextNode[]): RichTextNode => ({ type: 'doc', content });

describe('Markdown export escapes what people wrote', () => {
  it('never lets text become HTML: script tags, event handlers and entities come out as text', () => {
    const md = renderMarkdown(
      doc(
        p(t('<script>alert(1)</script>')),
        p(t('<img src=x onerror=alert(1)>')),
        { type: 'heading', attrs: { level: 2 }, content: [t('<svg onload=alert(1)>')] },
        p(t('&lt;b&gt; stays as typed, R&D too'))
      )
    );
    const html = toHtml(md);
    expect(html).not.toMatch(/<(script|img|svg)/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&amp;lt;b&amp;gt; stays as typed, R&amp;D too');
    expect(md).toContain('R&D');
  });

  it('drops javascript:, data: and vbscript: link targets and keeps http, https and mailto', () => {
    const link = (href: string) => [{ type: 'link', attrs: { href } }];
    const md = renderMarkdown(
      doc(
        p(t('one', link('javascript:alert(1)'))),
        p(t('two', link('JaVaScRiPt:alert(1)'))),
        p(t('three', link('data:text/html,<script>alert(1)</script>'))),
        p(t('four', link('vbscript:msgbox'))),
        p(t('web', link('https://example.ca/guide'))),
        p(t('mail', link('mailto:cop@example.ca')))
      )
    );
    const html = toHtml(md);
    expect(html).not.toMatch(/javascript:|data:|vbscript:/i);
    expect(html).toContain('<a href="https://example.ca/guide">web</a>');
    expect(html).toContain('<a href="mailto:cop@example.ca">mail</a>');
    expect(html).toContain('<p>one</p>');
  });

  it('encodes a link target so that a line break, space or bracket in it cannot end the link and start markup', () => {
    const md = renderMarkdown(doc(p(t('guide', [{ type: 'link', attrs: { href: 'https://example.ca/a b)\n<script>alert(1)</script>' } }]))));
    const html = toHtml(md);
    expect(html).not.toContain('<script');
    expect(html).toMatch(/^<p><a href="https:\/\/example\.ca\/a%20b%29%3Cscript%3E[^"]*">guide<\/a><\/p>\n$/);
    const mailto = toHtml(renderMarkdown(doc(p(t('write', [{ type: 'link', attrs: { href: 'mailto:a@b.ca?subject=<img src=x onerror=alert(1)>' } }])))));
    expect(mailto).not.toContain('<img');
  });

  it('keeps text that looks like a list, a heading, a quote, a rule or a table a plain paragraph', () => {
    for (const text of ['- not a list', '+ nor this', '1. nor this', '2) nor this', '# not a heading', '> not a quote', '---', '===', '| a | b |', '    not code']) {
      const html = toHtml(renderMarkdown(doc(p(t('Intro')), p(t(text)))));
      expect(html, text).toBe(`<p>Intro</p>\n<p>${text.trim().replace('>', '&gt;')}</p>\n`);
    }
    // After a hard break the next line starts a line too.
    expect(toHtml(renderMarkdown(doc(p(t('one'), { type: 'hardBreak' }, t('- two')))))).toBe('<p>one<br>\n- two</p>\n');
  });
});

describe('Markdown export of code and underline', () => {
  it('keeps inline code that contains backticks whole, with a fence longer than any run inside', () => {
    for (const code of ['a `b` c', '``double``', '`', 'ends with `', '` both `']) {
      const html = toHtml(renderMarkdown(doc(p(t('Run '), t(code, [{ type: 'code' }]), t(' now')))));
      const expected = code.replace(/&/g, '&amp;').replace(/</g, '&lt;');
      expect(html, code).toBe(`<p>Run <code>${expected}</code> now</p>\n`);
    }
  });

  it('keeps a code block that contains three backticks inside one block', () => {
    const code = 'echo start\n```\nnot the end\n````\n<script>alert(1)</script>';
    const html = toHtml(renderMarkdown(doc({ type: 'codeBlock', content: [t(code)] }, p(t('After')))));
    expect(html).toBe(`<pre><code>${code.replace(/</g, '&lt;').replace(/>/g, '&gt;')}\n</code></pre>\n<p>After</p>\n`);
  });

  it('keeps underline as <u>, the one tag it writes, around escaped text', () => {
    const md = renderMarkdown(doc(p(t('Read '), t('this part', [{ type: 'underline' }]), t(' and '), t('<b>this</b>', [{ type: 'underline' }, { type: 'bold' }]))));
    expect(md).toBe('Read <u>this part</u> and <u>**&lt;b&gt;this&lt;/b&gt;**</u>\n');
    expect(toHtml(md)).toBe('<p>Read <u>this part</u> and <u><strong>&lt;b&gt;this&lt;/b&gt;</strong></u></p>\n');
  });

  it('indents a code block inside a list item so that it stays in the item', () => {
    const list: RichTextNode = {
      type: 'orderedList',
      content: [{ type: 'listItem', content: [p(t('Step')), { type: 'codeBlock', content: [t('make\n```')] }] }]
    };
    expect(toHtml(renderMarkdown(doc(list)))).toBe('<ol>\n<li>\n<p>Step</p>\n<pre><code>make\n```\n</code></pre>\n</li>\n</ol>\n');
  });
});

describe('text around the document in an export', () => {
  it('writes titles and summaries as text: no HTML, no line that starts a block', () => {
    const title = '<script>alert(1)</script>\n# Heading\n- list';
    const html = toHtml(`# ${markdownLine(title)}\n\n${markdownParagraphs('First line <img src=x onerror=alert(1)>\r\n\r- second\rthird')}\n`);
    expect(html).not.toMatch(/<(script|img)/);
    expect(html).toBe(
      '<h1>&lt;script&gt;alert(1)&lt;/script&gt; # Heading - list</h1>\n<p>First line &lt;img src=x onerror=alert(1)&gt;</p>\n<p>- second</p>\n<p>third</p>\n'
    );
  });
});

describe('documents nested too deep', () => {
  function nested(levels: number): Y.Doc {
    const ydoc = new Y.Doc();
    ydoc.transact(() => {
      let parent: Y.XmlFragment | Y.XmlElement = ydoc.getXmlFragment('content');
      for (let i = 0; i < levels; i++) {
        const quote = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
      const para = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      parent.insert(0, [para]);
      para.insert(0, [text]);
      text.insert(0, 'at the bottom');
    });
    return ydoc;
  }

  it('reads a note nested 20,000 levels deep as its text instead of overflowing the stack', () => {
    const json = docToJson(nested(20_000));
    expect(richTextDepth(json)).toBeLessThanOrEqual(MAX_RICH_TEXT_DEPTH);
    expect(renderMarkdown(json)).toContain('at the bottom');
  });

  it('renders hand-made JSON nested 20,000 levels deep as its text', () => {
    let node: RichTextNode = p(t('deep text'));
    for (let i = 0; i < 20_000; i++) node = { type: 'blockquote', content: [node] };
    expect(renderMarkdown(doc(node))).toMatch(/deep text\n$/);
  });

  it('reads a document within the bound exactly as written', () => {
    const json = docToJson(nested(10));
    expect(richTextDepth(json)).toBe(13);
    expect(renderMarkdown(json)).toBe(`${'> '.repeat(10)}at the bottom\n`);
  });

  it('refuses to write rich text nested deeper than the bound', () => {
    let node: RichTextNode = p(t('deep'));
    for (let i = 0; i < MAX_RICH_TEXT_DEPTH; i++) node = { type: 'blockquote', content: [node] };
    expect(() => writeJson(new Y.Doc(), doc(node))).toThrow(/at most 64 levels/);
  });
});
