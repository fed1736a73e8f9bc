/**
 * @atelier/rich-text — the schema of notes and protocols and what turns them into HTML, Markdown
 * and plain text. The Tiptap extension list itself is under `@atelier/rich-text/editor`.
 */
export { isSafeHref } from './rich-text-json';
export type { RichTextMark, RichTextNode } from './rich-text-json';
export { renderHtml } from './render-html';
export { renderMarkdown } from './render-markdown';
export { plainText } from './plain-text';
export { docToJson, richTextSchema, writeJson } from './ydoc-json';
export { diffDocuments, diffStats, diffWords, textBlocks } from './version-diff';
export type { DiffBlock, DiffOp, DiffPart } from './version-diff';
export { limitDepth, MAX_RICH_TEXT_DEPTH, richTextDepth } from './rich-text-json';
export { markdownHref, markdownInline, markdownLine, markdownParagraphs } from './markdown-text';
