/**
 * The rich-text schema of notes and protocols, as Tiptap extensions: headings, bold and italic
 * (and underline, strike, inline code), bulleted, numbered and check lists, links (http(s) and
 * mailto only), block quotes and tables. The editor adds collaboration on top; the server uses
 * the same list to know the schema. Undo/redo comes from Yjs (Y.UndoManager), so StarterKit's
 * history is off.
 */
import type { AnyExtension } from '@tiptap/core';
import { TaskItem, TaskList } from '@tiptap/extension-list';
import { TableKit } from '@tiptap/extension-table';
import StarterKit from '@tiptap/starter-kit';
import { isSafeHref } from './rich-text-json';

export function richTextExtensions(): AnyExtension[] {
  return [
    StarterKit.configure({
      undoRedo: false,
      // No empty paragraph appended after a final heading, list or table: in a shared document
      // every person's editor wrote its own, so text gained empty lines nobody typed.
      trailingNode: false,
      heading: { levels: [1, 2, 3] },
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        defaultProtocol: 'https',
        isAllowedUri: (url) => isSafeHref(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: '_blank' }
      }
    }),
    TaskList,
    TaskItem.configure({ nested: true }),
    TableKit.configure({ table: { resizable: false } })
  ];
}
