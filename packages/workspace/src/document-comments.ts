/**
 * Comments on a note or protocol, kept in that document's own Y.Doc (root map `comments`) so they
 * travel, merge and work offline exactly like the text. A thread is a root comment anchored to a
 * range of the rich text by two Yjs relative positions (they point at characters, not offsets, so
 * the range follows concurrent edits around it); replies name their thread. One flat entry per
 * comment keyed by a random id: two people replying at once never conflict.
 *
 * The anchor is stored as encoded relative positions (`Y.encodeRelativePosition`). The start
 * sticks to the first character of the range and the end to the last one, so text typed just
 * outside the range stays outside. `quote` keeps the words commented on, for when the range's
 * text has been deleted since.
 */
import * as Y from 'yjs';
import { newEntityId } from './ids';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { optionalText, requireText, WorkspaceValidationError } from './validation-error';

export const COMMENTS_KEY = 'comments';
export const MAX_COMMENT_LENGTH = 4000;

export function commentsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(COMMENTS_KEY);
}

export interface CommentAuthor {
  id: string;
  name: string;
}

export interface DocumentComment {
  id: string;
  authorId: string;
  authorName: string;
  body: string;
  createdAt: number;
}

export interface CommentThread extends DocumentComment {
  /** Encoded relative positions of the range's first character and just after its last one. */
  anchorStart: Uint8Array;
  anchorEnd: Uint8Array;
  quote: string;
  resolved: boolean;
  resolvedBy: string;
  resolvedAt: number;
  replies: DocumentComment[];
}

/** A range as the editor gives it: relative positions from y-tiptap (or built by hand). */
export interface CommentAnchor {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
}

/**
 * Re-anchors a range so its start sticks to the first character inside it (assoc 0) and its end to
 * the last character inside it (assoc -1). y-tiptap's positions all stick to the character before;
 * with those, typing at the start of a commented word would pull the new text into the comment.
 */
export function normaliseAnchor(doc: Y.Doc, anchor: CommentAnchor): CommentAnchor {
  const fix = (rel: Y.RelativePosition, assoc: number) => {
    const abs = Y.createAbsolutePositionFromRelativePosition(rel, doc);
    return abs ? Y.createRelativePositionFromTypeIndex(abs.type, abs.index, assoc) : rel;
  };
  return { start: fix(anchor.start, 0), end: fix(anchor.end, -1) };
}

export function addCommentThread(
  doc: Y.Doc,
  input: { anchor: CommentAnchor; quote: string; body: string; author: CommentAuthor },
  origin: ChangeOrigin = LOCAL_CHANGE,
  now = Date.now()
): string {
  const body = requireText('body', input.body, MAX_COMMENT_LENGTH);
  const quote = optionalText('quote', input.quote.slice(0, 500), 500);
  const anchor = normaliseAnchor(doc, input.anchor);
  const id = newEntityId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    const fields: Record<string, unknown> = {
      threadId: '',
      anchorStart: Y.encodeRelativePosition(anchor.start),
      anchorEnd: Y.encodeRelativePosition(anchor.end),
      quote,
      body,
      authorId: input.author.id,
      authorName: input.author.name,
      createdAt: now,
      resolved: false
    };
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    commentsMap(doc).set(id, m);
  }, origin);
  return id;
}

export function replyToThread(
  doc: Y.Doc,
  threadId: string,
  input: { body: string; author: CommentAuthor },
  origin: ChangeOrigin = LOCAL_CHANGE,
  now = Date.now()
): string {
  const thread = commentsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map) || thread.get('threadId') !== '') throw new WorkspaceValidationError('threadId', 'is not a comment thread');
  const body = requireText('body', input.body, MAX_COMMENT_LENGTH);
  const id = newEntityId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ threadId, body, authorId: input.author.id, authorName: input.author.name, createdAt: now })) m.set(k, v);
    commentsMap(doc).set(id, m);
  }, origin);
  return id;
}

/** Resolves or reopens a thread (anyone who may edit may do either; the last word wins). */
export function setThreadResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: string, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()) {
  const thread = commentsMap(doc).get(threadId);
  if (!(thread instanceof Y.Map) || thread.get('threadId') !== '') return;
  doc.transact(() => {
    thread.set('resolved', resolved);
    thread.set('resolvedBy', resolved ? by : '');
    thread.set('resolvedAt', resolved ? now : 0);
  }, origin);
}

/** Deletes a comment; deleting a thread deletes its replies too. */
export function deleteComment(doc: Y.Doc, id: string, origin: ChangeOrigin = LOCAL_CHANGE) {
  const map = commentsMap(doc);
  doc.transact(() => {
    for (const [otherId, m] of map.entries()) if (m instanceof Y.Map && m.get('threadId') === id) map.delete(otherId);
    map.delete(id);
  }, origin);
}

function readComment(id: string, m: Y.Map<unknown>): DocumentComment {
  return {
    id,
    authorId: typeof m.get('authorId') === 'string' ? (m.get('authorId') as string) : '',
    authorName: typeof m.get('authorName') === 'string' ? (m.get('authorName') as string) : '',
    body: typeof m.get('body') === 'string' ? (m.get('body') as string) : '',
    createdAt: typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0
  };
}

/**
 * Every thread with its replies (oldest first), threads in order of creation. Replies whose thread
 * was deleted (concurrently with the reply) are not listed.
 */
export function listCommentThreads(doc: Y.Doc): CommentThread[] {
  const threads = new Map<string, CommentThread>();
  const replies: [string, DocumentComment][] = [];
  for (const [id, m] of commentsMap(doc).entries()) {
    if (!(m instanceof Y.Map)) continue;
    const threadId = m.get('threadId');
    if (typeof threadId === 'string' && threadId !== '') {
      replies.push([threadId, readComment(id, m)]);
      continue;
    }
    const start = m.get('anchorStart');
    const end = m.get('anchorEnd');
    if (!(start instanceof Uint8Array) || !(end instanceof Uint8Array)) continue;
    threads.set(id, {
      ...readComment(id, m),
      anchorStart: start,
      anchorEnd: end,
      quote: typeof m.get('quote') === 'string' ? (m.get('quote') as string) : '',
      resolved: m.get('resolved') === true,
      resolvedBy: typeof m.get('resolvedBy') === 'string' ? (m.get('resolvedBy') as string) : '',
      resolvedAt: typeof m.get('resolvedAt') === 'number' ? (m.get('resolvedAt') as number) : 0,
      replies: []
    });
  }
  for (const [threadId, reply] of replies) threads.get(threadId)?.replies.push(reply);
  const byTime = (a: DocumentComment, b: DocumentComment) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1);
  for (const t of threads.values()) t.replies.sort(byTime);
  return [...threads.values()].sort(byTime);
}

/** A thread's anchor as relative positions again (for the editor to map to its positions). */
export function threadAnchor(thread: Pick<CommentThread, 'anchorStart' | 'anchorEnd'>): CommentAnchor {
  return { start: Y.decodeRelativePosition(thread.anchorStart), end: Y.decodeRelativePosition(thread.anchorEnd) };
}

/**
 * Where a thread's range is now, inside one Y.XmlText: `null` when its text was deleted or the
 * range now spans paragraphs (the editor maps those through y-tiptap instead).
 */
export function resolveAnchorInText(doc: Y.Doc, thread: Pick<CommentThread, 'anchorStart' | 'anchorEnd'>): { text: Y.XmlText; from: number; to: number } | null {
  const { start, end } = threadAnchor(thread);
  const a = Y.createAbsolutePositionFromRelativePosition(start, doc);
  const b = Y.createAbsolutePositionFromRelativePosition(end, doc);
  if (!a || !b || a.type !== b.type || !(a.type instanceof Y.XmlText)) return null;
  // The end sticks to the last character (assoc -1): its absolute index is just after it.
  return a.index < b.index ? { text: a.type, from: a.index, to: b.index } : null;
}
