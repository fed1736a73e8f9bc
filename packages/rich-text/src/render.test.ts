import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docToJson, plainText, renderHtml, renderMarkdown, writeJson, type RichTextNode } from './index';

const t = (text: string, marks?: RichTextNode['marks']): RichTextNode => ({ type: 'text', text, ...(marks ? { marks } : {}) });
const p = (...content: RichTextNode[]): RichTextNode => ({ type: 'paragraph', content });

const sample: RichTextNode = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [t('Revue trimestrielle')] },
    p(t('Une '), t('étape', [{ type: 'bold' }]), t(' à la fois, '), t('voir le guide', [{ type: 'link', attrs: { href: 'https://example.ca/guide' } }])),
    { type: 'bulletList', content: [{ type: 'listItem', content: [p(t('Préparer'))] }, { type: 'listItem', content: [p(t('Revoir'))] }] },
    { type: 'taskList', content: [{ type: 'taskItem', attrs: { checked: true }, content: [p(t('Réserver la salle'))] }] },
    { type: 'blockquote', content: [p(t('Citation'))] },
    {
      type: 'table',
      content: [
        { type: 'tableRow', content: [{ type: 'tableHeader', content: [p(t('Phase'))] }, { type: 'tableHeader', content: [p(t('Durée'))] }] },
        { type: 'tableRow', content: [{ type: 'tableCell', content: [p(t('Analyse'))] }, { type: 'tableCell', content: [p(t('2 semaines'))] }] }
      ]
    }
  ]
};

describe('rich text', () => {
  it('round-trips through a Y.Doc the way the editor stores it', () => {
    const doc = new Y.Doc();
    writeJson(doc, sample);
    const back = docToJson(doc);
    expect(plainText(back)).toBe(plainText(sample));
    expect(renderHtml(back)).toBe(renderHtml(sample));
  });

  it('renders safe HTML: text escaped, unknown nodes reduced to text, only web and mail links', () => {
    const hostile: RichTextNode = {
      type: 'doc',
      content: [
        p(t('<script>alert(1)</script>')),
        p(t('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
        { type: 'iframe', attrs: { src: 'https://evil.example' }, content: [p(t('inside'))] }
      ]
    };
    const html = renderHtml(hostile);
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><p>click</p><p>inside</p>');
    expect(renderHtml(sample)).toContain('<a href="https://example.ca/guide" rel="noopener noreferrer nofollow">voir le guide</a>');
    expect(renderHtml(sample)).toContain('<table><tbody><tr><th><p>Phase</p></th>');
  });

  it('renders Markdown with lists, tasks, quotes and tables', () => {
    expect(renderMarkdown(sample)).toBe(
      [
        '## Revue trimestrielle',
        '',
        'Une **étape** à la fois, [voir le guide](https://example.ca/guide)',
        '',
        '- Préparer\n- Revoir',
        '',
        '- [x] Réserver la salle',
        '',
        '> Citation',
        '',
        '| Phase | Durée |\n| --- | --- |\n| Analyse | 2 semaines |',
        ''
      ].join('\n')
    );
  });

  it('refuses JSON that does not fit the schema', () => {
    expect(() => writeJson(new Y.Doc(), { type: 'doc', content: [{ type: 'listItem', content: [] }] })).toThrow();
  });
});
