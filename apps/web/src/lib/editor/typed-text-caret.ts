/**
 * Typed text puts the caret right after itself, whatever selection the browser reports.
 *
 * ProseMirror reads typed characters back from the DOM and takes the caret from the DOM
 * selection. Right after Enter (or a block type chosen in the toolbar), the first character goes
 * into an empty block whose DOM was just rebuilt (the placeholder `<br>` and, with other people
 * in the document, their caret widgets); Chromium then sometimes reports its caret *before* that
 * character. The letters that followed went in front of it, so the first letter ended the line
 * (`aragraph 17…P`), and under a heading the rest of the lines kept the heading. Inserting the
 * text ourselves maps the caret through the insertion, so it always ends after what was typed.
 * Input rules (Markdown shortcuts) still run first: this extension has the lowest priority, and
 * compositions (IME, dictation) are left to ProseMirror.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state';

export const TypedTextCaret = Extension.create({
  name: 'typedTextCaret',
  priority: 1,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('typedTextCaret'),
        props: {
          handleTextInput(view, from, to, text) {
            if (view.composing) return false;
            const tr = view.state.tr.insertText(text, from, to);
            view.dispatch(tr.setSelection(TextSelection.create(tr.doc, from + text.length)).scrollIntoView());
            return true;
          }
        }
      })
    ];
  }
});
