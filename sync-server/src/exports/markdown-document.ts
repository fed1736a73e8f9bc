/**
 * A Markdown file the server writes: a title heading, then parts already made Markdown (rendered
 * rich text, escaped paragraphs). The title is a person's text, so it goes through
 * `markdownLine`: a title like `<img onerror=…>` or `[x](javascript:…)` stays literal text in
 * whatever renders the file, and a line break in it cannot start a block of its own.
 */
import { markdownLine } from '@atelier/rich-text';

export function markdownDocument(title: string, ...parts: string[]): string {
  const blocks = parts.map((p) => p.replace(/\s+$/, '')).filter((p) => p !== '');
  return `${[`# ${markdownLine(title)}`, ...blocks].join('\n\n')}\n`;
}
