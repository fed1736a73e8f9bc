/**
 * Comments in the editor: where each thread's anchor (two Yjs relative positions) is in the
 * ProseMirror document right now, the highlight decorations that show them, and the anchor of the
 * current selection for a new comment. Positions go through y-tiptap's mapping between the
 * Y.XmlFragment and ProseMirror, so they follow every edit, local or remote.
 */
import { Extension, type Editor } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import { threadAnchor, type CommentAnchor, type CommentThread } from '@atelier/workspace';
import type * as Y from 'yjs';

export interface ThreadRange {
  id: string;
  from: number;
  to: number;
}

interface HighlightState {
  ranges: ThreadRange[];
  active: string | null;
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<HighlightState>('atelierCommentHighlights');

function decorate(state: EditorState, ranges: ThreadRange[], active: string | null): DecorationSet {
  const size = state.doc.content.size;
  const decorations = ranges
    .filter((r) => r.from < r.to && r.to <= size)
    .map((r) => Decoration.inline(r.from, r.to, { class: r.id === active ? 'comment-highlight active' : 'comment-highlight', 'data-thread': r.id }, { thread: r.id }));
  return DecorationSet.create(state.doc, decorations);
}

/**
 * The highlight plugin: decorations are mapped through every change, and replaced whenever the
 * page sends fresh ranges (`setCommentRanges`). `onClickThread` fires when a highlight is clicked.
 */
export function commentHighlights(onClickThread: (id: string) => void) {
  return Extension.create({
    name: 'atelierCommentHighlights',
    addProseMirrorPlugins() {
      return [
        new Plugin<HighlightState>({
          key: commentHighlightsKey,
          state: {
            init: (_, state) => ({ ranges: [], active: null, decorations: DecorationSet.empty.map(state.tr.mapping, state.doc) }),
            apply(tr, value, _old, state) {
              const meta = tr.getMeta(commentHighlightsKey) as { ranges: ThreadRange[]; active: string | null } | undefined;
              if (meta) return { ...meta, decorations: decorate(state, meta.ranges, meta.active) };
              return tr.docChanged ? { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) } : value;
            }
          },
          props: {
            decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
            handleClick: (view, pos) => {
              const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos);
              const id = (found?.[0]?.spec as { thread?: string } | undefined)?.thread;
              if (id) onClickThread(id);
              return false;
            }
          }
        })
      ];
    }
  });
}

function binding(editor: Editor): { doc: Y.Doc; type: Y.XmlFragment; mapping: Map<unknown, unknown> } | null {
  const y = ySyncPluginKey.getState(editor.state) as { doc: Y.Doc; type: Y.XmlFragment; binding?: { mapping: Map<unknown, unknown> } } | undefined;
  return y?.binding ? { doc: y.doc, type: y.type, mapping: y.binding.mapping } : null;
}

/** Where each thread is in the editor now; threads whose text is gone are left out. */
export function threadRanges(editor: Editor, threads: readonly CommentThread[]): ThreadRange[] {
  const b = binding(editor);
  if (!b) return [];
  const out: ThreadRange[] = [];
  for (const thread of threads) {
    const anchor = threadAnchor(thread);
    const from = relativePositionToAbsolutePosition(b.doc, b.type, anchor.start, b.mapping as never);
    const to = relativePositionToAbsolutePosition(b.doc, b.type, anchor.end, b.mapping as never);
    if (from !== null && to !== null && from < to) out.push({ id: thread.id, from, to });
  }
  return out;
}

export function sameRanges(a: readonly ThreadRange[], b: readonly ThreadRange[]): boolean {
  return a.length === b.length && a.every((r, i) => r.id === b[i]!.id && r.from === b[i]!.from && r.to === b[i]!.to);
}

export function setCommentRanges(editor: Editor, ranges: ThreadRange[], active: string | null) {
  if (editor.isDestroyed) return;
  editor.view.dispatch(editor.state.tr.setMeta(commentHighlightsKey, { ranges, active }).setMeta('addToHistory', false));
}

/** The selection as a comment anchor plus the words selected, or null for an empty selection. */
export function selectionAnchor(editor: Editor): { anchor: CommentAnchor; quote: string } | null {
  const { from, to, empty } = editor.state.selection;
  const b = binding(editor);
  if (empty || !b) return null;
  const quote = editor.state.doc.textBetween(from, to, ' ').trim();
  if (!quote) return null;
  return {
    anchor: {
      start: absolutePositionToRelativePosition(from, b.type, b.mapping as never),
      end: absolutePositionToRelativePosition(to, b.type, b.mapping as never)
    },
    quote
  };
}
