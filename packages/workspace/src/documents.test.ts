import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createDocument, documentDocName, listDocuments, markTranslationCurrent, pairProtocols, readDocument, touchDocument, translationStatus, updateDocument } from './index';

describe('notes and protocols', () => {
  it('are listed most recently edited first, archived ones hidden unless asked', () => {
    const doc = new Y.Doc();
    const a = createDocument(doc, { kind: 'note', title: 'March notes', language: 'en', createdBy: 'u1' }, undefined, 1);
    const b = createDocument(doc, { kind: 'protocol', title: 'Protocole de revue', language: 'fr', createdBy: 'u2' }, undefined, 2);
    touchDocument(doc, a, 'u3', undefined, 100_000);
    expect(listDocuments(doc).map((d) => d.id)).toEqual([a, b]);
    expect(readDocument(doc, a)).toMatchObject({ lastEditedBy: 'u3', lastEditedAt: 100_000 });
    updateDocument(doc, a, { archived: true });
    expect(listDocuments(doc).map((d) => d.id)).toEqual([b]);
    expect(listDocuments(doc, { includeArchived: true, kind: 'note' }).map((d) => d.id)).toEqual([a]);
    expect(documentDocName('c1', 'protocol', b)).toBe(`cop/c1/protocols/${b}`);
  });

  it('pair protocols one-to-one across languages and release old partners', () => {
    const doc = new Y.Doc();
    const en = createDocument(doc, { kind: 'protocol', title: 'Review protocol', language: 'en', createdBy: 'u1' });
    const fr = createDocument(doc, { kind: 'protocol', title: 'Protocole de revue', language: 'fr', createdBy: 'u1' });
    const fr2 = createDocument(doc, { kind: 'protocol', title: 'Autre', language: 'fr', createdBy: 'u1' });
    const en2 = createDocument(doc, { kind: 'protocol', title: 'Other', language: 'en', createdBy: 'u1' });
    pairProtocols(doc, en, fr);
    expect(readDocument(doc, fr)!.pairedWith).toBe(en);
    expect(() => pairProtocols(doc, en, en2)).toThrow(/other language/);
    pairProtocols(doc, fr2, en);
    expect(readDocument(doc, en)!.pairedWith).toBe(fr2);
    expect(readDocument(doc, fr)!.pairedWith).toBeNull();
    pairProtocols(doc, en, null);
    expect(readDocument(doc, fr2)!.pairedWith).toBeNull();
  });

  it('count a pairing only when both sides agree after concurrent re-pairing', () => {
    const a = new Y.Doc();
    const en = createDocument(a, { kind: 'protocol', title: 'EN', language: 'en', createdBy: 'u1' });
    const fr1 = createDocument(a, { kind: 'protocol', title: 'FR1', language: 'fr', createdBy: 'u1' });
    const fr2 = createDocument(a, { kind: 'protocol', title: 'FR2', language: 'fr', createdBy: 'u1' });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    pairProtocols(a, en, fr1);
    pairProtocols(b, en, fr2);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const docs = listDocuments(a);
    expect(listDocuments(b)).toEqual(docs);
    const pairedWithEn = docs.filter((d) => d.pairedWith === en).map((d) => d.id);
    expect(pairedWithEn.length).toBeLessThanOrEqual(1);
    const enDoc = docs.find((d) => d.id === en)!;
    if (enDoc.pairedWith) expect(pairedWithEn).toEqual([enDoc.pairedWith]);
  });
});

describe('translation status', () => {
  it('is pending without a counterpart, clear after pairing, behind when the other side changes, clear when marked current', () => {
    const doc = new Y.Doc();
    const en = createDocument(doc, { kind: 'protocol', title: 'Review', language: 'en', createdBy: 'u1' }, undefined, 1000);
    const fr = createDocument(doc, { kind: 'protocol', title: 'Revue', language: 'fr', createdBy: 'u2' }, undefined, 2000);
    expect(translationStatus(readDocument(doc, en)!, undefined).pending).toBe(true);
    pairProtocols(doc, en, fr);
    const status = () => translationStatus(readDocument(doc, fr)!, readDocument(doc, en)!);
    expect(status()).toEqual({ behind: false, counterpartBehind: false, pending: false });
    touchDocument(doc, en, 'u1', undefined, 500_000);
    expect(status()).toEqual({ behind: true, counterpartBehind: false, pending: true });
    expect(translationStatus(readDocument(doc, en)!, readDocument(doc, fr)!)).toEqual({ behind: false, counterpartBehind: true, pending: true });
    touchDocument(doc, fr, 'u2', undefined, 600_000);
    markTranslationCurrent(doc, fr);
    expect(status()).toEqual({ behind: false, counterpartBehind: false, pending: false });
  });

  it('shows the other side behind after every change, even one made seconds after the same person\'s previous edit (the last-edit record is coalesced, the change count is not)', () => {
    const doc = new Y.Doc();
    const en = createDocument(doc, { kind: 'protocol', title: 'Review', language: 'en', createdBy: 'u1' }, undefined, 1000);
    const fr = createDocument(doc, { kind: 'protocol', title: 'Revue', language: 'fr', createdBy: 'u2' }, undefined, 2000);
    pairProtocols(doc, en, fr);
    const frStatus = () => translationStatus(readDocument(doc, fr)!, readDocument(doc, en)!);
    touchDocument(doc, en, 'u1', undefined, 100_000);
    expect(frStatus().behind).toBe(true);
    // The translator brings the French in line; the author edits the English again 20 s later.
    markTranslationCurrent(doc, fr, undefined);
    expect(frStatus().behind).toBe(false);
    touchDocument(doc, en, 'u1', undefined, 120_000);
    expect(readDocument(doc, en)!.lastEditedAt).toBe(100_000);
    expect(frStatus()).toEqual({ behind: true, counterpartBehind: false, pending: true });
  });

  it('counts concurrent edits from two replicas, and an offline edit made before the marking that arrives after it, as changes since', () => {
    const a = new Y.Doc();
    const en = createDocument(a, { kind: 'protocol', title: 'Review', language: 'en', createdBy: 'u1' }, undefined, 1000);
    const fr = createDocument(a, { kind: 'protocol', title: 'Revue', language: 'fr', createdBy: 'u2' }, undefined, 2000);
    pairProtocols(a, en, fr);
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // b edits the English offline; meanwhile a edits it too and marks the French current.
    touchDocument(b, en, 'u3', undefined, 5_000);
    touchDocument(a, en, 'u1', undefined, 5_000);
    markTranslationCurrent(a, fr);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    for (const doc of [a, b]) {
      expect(readDocument(doc, en)!.editCount).toBe(2);
      expect(translationStatus(readDocument(doc, fr)!, readDocument(doc, en)!).behind).toBe(true);
    }
  });
});
