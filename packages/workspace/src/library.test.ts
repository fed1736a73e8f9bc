import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addLibraryFile,
  addLibraryLink,
  deleteLibraryItem,
  linkedLibraryItems,
  linkLibraryItem,
  listLibrary,
  searchLibrary,
  setLibraryTag
} from './index';

const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
};

describe('the COP library', () => {
  it('holds links and files with tags, and finds them by words without regard to accents', () => {
    const doc = new Y.Doc();
    addLibraryLink(doc, { title: 'Guide de gestion du changement', url: 'https://example.ca/guide', language: 'fr', tags: ['Changement'], addedBy: 'u1' }, undefined, 1);
    addLibraryFile(
      doc,
      { title: 'Quarterly event deck', fileId: 'file0000abcd', fileName: 'deck-q3.pdf', size: 1200, contentType: 'application/pdf', tags: ['events'], addedBy: 'u2' },
      undefined,
      2
    );
    expect(listLibrary(doc).map((i) => i.title)).toEqual(['Quarterly event deck', 'Guide de gestion du changement']);
    expect(searchLibrary(listLibrary(doc), 'gestion CHANGEMENT').map((i) => i.kind)).toEqual(['link']);
    expect(searchLibrary(listLibrary(doc), 'changement').map((i) => i.tags)).toEqual([['changement']]);
    expect(searchLibrary(listLibrary(doc), 'q3 pdf')).toHaveLength(1);
  });

  it('refuses links that are not web addresses', () => {
    const doc = new Y.Doc();
    expect(() => addLibraryLink(doc, { title: 'x', url: 'javascript:alert(1)', addedBy: 'u1' })).toThrow(/^url:/);
    expect(() => addLibraryLink(doc, { title: 'x', url: 'not a url', addedBy: 'u1' })).toThrow(/^url:/);
    expect(listLibrary(doc)).toEqual([]);
  });

  it('keeps both tags when two people tag an item at once', () => {
    const a = new Y.Doc();
    const id = addLibraryLink(a, { title: 'Template', url: 'https://example.ca/t', addedBy: 'u1' });
    const b = new Y.Doc();
    sync(a, b);
    setLibraryTag(a, id, 'templates', true);
    setLibraryTag(b, id, 'protocols', true);
    sync(a, b);
    expect(listLibrary(a)[0]!.tags).toEqual(['protocols', 'templates']);
    expect(listLibrary(b)).toEqual(listLibrary(a));
  });

  it('links items from agenda items and forgets links to deleted items', () => {
    const doc = new Y.Doc();
    const id = addLibraryLink(doc, { title: 'Deck', url: 'https://example.ca/d', addedBy: 'u1' });
    linkLibraryItem(doc, 'agendaItem', 'item1', id, true);
    expect(linkedLibraryItems(doc, 'agendaItem', 'item1').map((i) => i.id)).toEqual([id]);
    deleteLibraryItem(doc, id);
    expect(linkedLibraryItems(doc, 'agendaItem', 'item1')).toEqual([]);
  });
});
