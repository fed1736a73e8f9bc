import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addCommentThread,
  deleteComment,
  listCommentThreads,
  replyToThread,
  resolveAnchorInText,
  RICH_TEXT_FIELD,
  setThreadResolved
} from './index';

/** A document with one paragraph, as y-tiptap writes it: <paragraph><text/></paragraph>. */
function docWithParagraph(text: string): { doc: Y.Doc; para: Y.XmlText } {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  const t = new Y.XmlText();
  doc.getXmlFragment(RICH_TEXT_FIELD).insert(0, [p]);
  p.insert(0, [t]);
  t.insert(0, text);
  return { doc, para: t };
}

/** The range as the editor gives it: every position sticking to the character before (y-tiptap). */
function anchorOf(text: Y.XmlText, from: number, to: number) {
  return { start: Y.createRelativePositionFromTypeIndex(text, from, -1), end: Y.createRelativePositionFromTypeIndex(text, to, -1) };
}

function commentedText(doc: Y.Doc): string | null {
  const [thread] = listCommentThreads(doc);
  const range = thread ? resolveAnchorInText(doc, thread) : null;
  return range ? range.text.toString().slice(range.from, range.to) : null;
}

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

const author = { id: 'u1', name: 'Amina' };

describe('comment anchoring', () => {
  it('keeps a comment on the same words when text is typed before, inside-adjacent and after its range', () => {
    const { doc, para } = docWithParagraph('The review panel meets twice a year.');
    addCommentThread(doc, { anchor: anchorOf(para, 4, 16), quote: 'review panel', body: 'Which panel?', author });
    expect(commentedText(doc)).toBe('review panel');
    para.insert(0, 'Note: ');
    para.insert(para.length, ' Always.');
    // Typing right at either edge stays outside the range.
    para.insert(10, 'new ');
    expect(para.toString()).toContain('new review panel meets');
    para.insert(26, '!');
    expect(para.toString()).toContain('review panel! meets');
    expect(commentedText(doc)).toBe('review panel');
  });

  it('follows its words through concurrent edits on two replicas', () => {
    const { doc: a, para } = docWithParagraph('Ministers approve the draft protocol in June.');
    const b = new Y.Doc();
    sync(a, b);
    addCommentThread(a, { anchor: anchorOf(para, 22, 36), quote: 'draft protocol', body: 'Final title?', author });
    const paraB = (b.getXmlFragment(RICH_TEXT_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    // B edits before and after the range while A's comment is on its way.
    paraB.insert(0, 'Deputy ');
    paraB.delete(paraB.length - 1, 1);
    paraB.insert(paraB.length, ', probably.');
    para.insert(22, 'bilingual ');
    sync(a, b);
    expect(a.getXmlFragment(RICH_TEXT_FIELD).toJSON()).toBe(b.getXmlFragment(RICH_TEXT_FIELD).toJSON());
    expect(commentedText(a)).toBe('draft protocol');
    expect(commentedText(b)).toBe('draft protocol');
  });

  it('shrinks with deletions inside its range and reports none once its words are gone', () => {
    const { doc, para } = docWithParagraph('keep these words here');
    addCommentThread(doc, { anchor: anchorOf(para, 5, 16), quote: 'these words', body: 'Hmm', author });
    para.delete(5, 6); // "these "
    expect(commentedText(doc)).toBe('words');
    para.delete(5, 5);
    expect(commentedText(doc)).toBeNull();
    expect(listCommentThreads(doc)[0]!.quote).toBe('these words');
  });
});

describe('comment threads', () => {
  it('collect replies in order, resolve and reopen, and delete with their replies', () => {
    const { doc, para } = docWithParagraph('Agenda for March');
    const id = addCommentThread(doc, { anchor: anchorOf(para, 0, 6), quote: 'Agenda', body: 'Add a break', author }, undefined, 1);
    replyToThread(doc, id, { body: 'Second', author: { id: 'u2', name: 'Luc' } }, undefined, 3);
    replyToThread(doc, id, { body: 'First', author }, undefined, 2);
    let [thread] = listCommentThreads(doc);
    expect(thread!.replies.map((r) => r.body)).toEqual(['First', 'Second']);
    setThreadResolved(doc, id, true, 'u2');
    [thread] = listCommentThreads(doc);
    expect(thread).toMatchObject({ resolved: true, resolvedBy: 'u2' });
    setThreadResolved(doc, id, false, 'u1');
    expect(listCommentThreads(doc)[0]!.resolved).toBe(false);
    expect(() => replyToThread(doc, id, { body: '   ', author })).toThrow(/required/);
    deleteComment(doc, id);
    expect(listCommentThreads(doc)).toEqual([]);
    expect([...doc.getMap('comments').keys()]).toEqual([]);
  });
});
