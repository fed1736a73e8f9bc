/**
 * Binds a plain <textarea> to a Y.Text (agenda notes, minutes): each input is sent as the smallest
 * edit (common prefix and suffix kept), so two people typing in one item both keep their words;
 * edits from elsewhere update the textarea while keeping the caret where the person was typing.
 * A Svelte action: `<textarea use:collaborativeText={text}>`.
 */
import type * as Y from 'yjs';
import { LOCAL_CHANGE } from '@atelier/workspace';

/** The edit that turns `before` into `after`: delete `remove` characters at `at`, then insert `insert`. */
export function textEdit(before: string, after: string): { at: number; remove: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { at: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

/** Where a caret at `index` goes when `delta` (a Y.Text change) is applied before it. */
export function shiftIndex(index: number, delta: readonly { retain?: number; insert?: unknown; delete?: number }[]): number {
  let pos = 0;
  let result = index;
  for (const op of delta) {
    if (op.retain !== undefined) pos += op.retain;
    else if (typeof op.insert === 'string') {
      if (pos < index) result += op.insert.length;
      pos += op.insert.length;
    } else if (op.delete !== undefined) {
      if (pos < index) result -= Math.min(op.delete, index - pos);
    }
    if (pos >= index) break;
  }
  return result;
}

export function collaborativeText(node: HTMLTextAreaElement, initial: Y.Text) {
  let text = initial;

  const onInput = () => {
    const edit = textEdit(text.toString(), node.value);
    if (!edit || !text.doc) return;
    text.doc.transact(() => {
      if (edit.remove) text.delete(edit.at, edit.remove);
      if (edit.insert) text.insert(edit.at, edit.insert);
    }, LOCAL_CHANGE);
  };

  const onChange = (event: Y.YTextEvent) => {
    const value = text.toString();
    if (node.value === value) return;
    const focused = document.activeElement === node;
    const start = shiftIndex(node.selectionStart, event.delta as never);
    const end = shiftIndex(node.selectionEnd, event.delta as never);
    node.value = value;
    if (focused) node.setSelectionRange(start, end);
  };

  const bind = () => {
    node.value = text.toString();
    text.observe(onChange);
  };

  node.addEventListener('input', onInput);
  bind();

  return {
    update(next: Y.Text) {
      if (next === text) return;
      text.unobserve(onChange);
      text = next;
      bind();
    },
    destroy() {
      node.removeEventListener('input', onInput);
      text.unobserve(onChange);
    }
  };
}
