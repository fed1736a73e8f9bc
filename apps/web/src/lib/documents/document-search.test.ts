import { describe, expect, it } from 'vitest';
import { fold, searchDocuments } from './document-search';

const items = [
  { id: 'a', title: 'Notes de la réunion de mars', text: 'Nous avons revu le protocole d’accueil.\nProchaine étape : traduction.' },
  { id: 'b', title: 'Onboarding protocol', text: 'Welcome new members. The réunion in March covered onboarding.' },
  { id: 'c', title: 'Budget', text: null }
];

describe('document search', () => {
  it('matches titles and text regardless of case and accents, titles first', () => {
    expect(searchDocuments(items, 'REUNION').map((h) => [h.id, h.inTitle])).toEqual([
      ['a', true],
      ['b', false]
    ]);
  });

  it('needs every word, each in the title or the text, and gives an excerpt around the match', () => {
    const [hit] = searchDocuments(items, 'etape protocole');
    expect(hit).toMatchObject({ id: 'a', inTitle: false });
    expect(hit!.excerpt).toContain('revu le protocole');
    expect(searchDocuments(items, 'onboarding members')[0]).toMatchObject({ id: 'b', inTitle: false });
    expect(searchDocuments(items, 'budget')).toEqual([{ id: 'c', inTitle: true, excerpt: '' }]);
    expect(searchDocuments(items, 'budget welcome')).toEqual([]);
    expect(searchDocuments(items, '   ')).toEqual([]);
  });

  it('folds without shifting positions, so excerpts cut at the right place', () => {
    const text = 'Équipe ÉLARGIE — ﬁn';
    expect(fold(text)).toHaveLength(text.length);
    expect(fold('Élargie')).toBe('elargie');
  });
});
