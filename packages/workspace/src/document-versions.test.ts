import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addVersion, contentFingerprint, listVersions, nameVersion, pruneAutomaticVersions, versionContent } from './index';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('document versions', () => {
  it('are listed newest first and keep their frozen content', () => {
    const doc = new Y.Doc();
    const a = addVersion(doc, { name: 'After the March session', automatic: false, createdBy: 'u1', createdByName: 'Amina', content: bytes('A'), fingerprint: contentFingerprint('A') }, undefined, 1);
    const b = addVersion(doc, { automatic: true, createdBy: 'u2', createdByName: 'Luc', content: bytes('BB'), fingerprint: contentFingerprint('BB') }, undefined, 2);
    expect(listVersions(doc).map((v) => [v.id, v.name, v.automatic, v.size])).toEqual([
      [b, '', true, 2],
      [a, 'After the March session', false, 1]
    ]);
    expect(new TextDecoder().decode(versionContent(doc, a))).toBe('A');
  });

  it('prune only the oldest automatic copies, never named ones, and naming a copy keeps it', () => {
    const doc = new Y.Doc();
    const named = addVersion(doc, { name: 'Kept', automatic: false, createdBy: 'u', createdByName: 'U', content: bytes('n'), fingerprint: 'n' }, undefined, 0);
    const auto = Array.from({ length: 5 }, (_, i) => addVersion(doc, { automatic: true, createdBy: 'u', createdByName: 'U', content: bytes(String(i)), fingerprint: String(i) }, undefined, i + 1));
    nameVersion(doc, auto[0]!, 'First draft');
    expect(pruneAutomaticVersions(doc, 2)).toBe(2);
    expect(listVersions(doc).map((v) => v.id).sort()).toEqual([named, auto[0], auto[3], auto[4]].sort());
  });

  it('survive a round trip through a compacted (garbage-collected) copy of the document', () => {
    const doc = new Y.Doc();
    const id = addVersion(doc, { automatic: true, createdBy: 'u', createdByName: 'U', content: bytes('old text'), fingerprint: 'x' });
    const text = doc.getText('scratch');
    text.insert(0, 'deleted later');
    text.delete(0, 7);
    const server = new Y.Doc(); // gc on, as the sync server compacts
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
    expect(new TextDecoder().decode(versionContent(fresh, id))).toBe('old text');
  });

  it('fingerprint differs when the text differs and not otherwise', () => {
    expect(contentFingerprint('{"a":1}')).toBe(contentFingerprint('{"a":1}'));
    expect(contentFingerprint('{"a":1}')).not.toBe(contentFingerprint('{"a":2}'));
  });
});
